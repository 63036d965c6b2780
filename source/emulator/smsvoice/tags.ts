// TagResource, UntagResource, ListTagsForResource on every taggable ARN of the region.
import type {Handler} from '../types.js';
import {notFound, validation} from './errors.js';
import {parseSmsArn} from './ids.js';
import {findSenderIds, requireConfigSet, requireOptOutList, requirePhoneNumber, requirePool, requireProtect, requireVerified} from './lookup.js';
import type {RegionState, Tag} from './model.js';
import {requireAttachment, requireRegistration} from './registrations.js';
import {tagsOut} from './shapes.js';
import type {Svc} from './state.js';
import {checkTags, mergeTags} from './tagRules.js';

const TAGGABLE_TYPES = new Set([
	'phone-number',
	'pool',
	'sender-id',
	'configuration-set',
	'opt-out-list',
	'protect-configuration',
	'verified-destination-number',
	'registration',
	'registration-attachment',
]);

function taggable(svc: Svc, rs: RegionState, resourceArn: string): {tags: Tag[]} {
	const parsed = parseSmsArn(resourceArn);
	if (!parsed || parsed.service !== 'sms-voice') throw validation('INVALID_ARN', `${resourceArn} is not an End User Messaging SMS ARN.`, 'ResourceArn');
	const resourceType = parsed.type;
	// Only these resources take tags; another type is no ResourceType the service could name in a not-found error.
	const notTaggable = () => validation('INVALID_ARN', `${resourceArn} is not the ARN of a resource that takes tags.`, 'ResourceArn');
	if (!TAGGABLE_TYPES.has(resourceType)) throw notTaggable();
	if (parsed.region !== rs.region || parsed.account !== svc.world.accountId) throw notFound(resourceType, resourceArn);
	switch (resourceType) {
		case 'phone-number':
			return requirePhoneNumber(rs, resourceArn);
		case 'pool':
			return requirePool(rs, resourceArn);
		case 'sender-id': {
			const [rec] = findSenderIds(rs, resourceArn);
			if (!rec) throw notFound('sender-id', resourceArn);
			return rec;
		}
		case 'configuration-set':
			return requireConfigSet(rs, resourceArn);
		case 'opt-out-list':
			return requireOptOutList(rs, resourceArn);
		case 'protect-configuration':
			return requireProtect(rs, resourceArn);
		case 'verified-destination-number':
			return requireVerified(rs, resourceArn);
		case 'registration':
			return requireRegistration(rs, resourceArn);
		case 'registration-attachment':
			return requireAttachment(rs, resourceArn);
		default:
			throw notTaggable();
	}
}

export function tagHandlers(svc: Svc): Record<string, Handler> {
	return {
		TagResource(input: {ResourceArn: string; Tags: Tag[]}, ctx) {
			const rs = svc.region(ctx);
			const res = taggable(svc, rs, input.ResourceArn);
			checkTags(rs, input.Tags, res.tags);
			mergeTags(res.tags, input.Tags);
			svc.dirty();
			return {};
		},
		UntagResource(input: {ResourceArn: string; TagKeys: string[]}, ctx) {
			const rs = svc.region(ctx);
			const res = taggable(svc, rs, input.ResourceArn);
			const remove = new Set(input.TagKeys);
			const kept = res.tags.filter(t => !remove.has(t.Key));
			res.tags.splice(0, res.tags.length, ...kept);
			svc.dirty();
			return {};
		},
		ListTagsForResource(input: {ResourceArn: string}, ctx) {
			const rs = svc.region(ctx);
			const res = taggable(svc, rs, input.ResourceArn);
			return {ResourceArn: input.ResourceArn, Tags: tagsOut(res.tags)};
		},
	};
}
