// Tag checks shared by the create operations and TagResource.
import {quota, validation} from './errors.js';
import type {RegionState, Tag} from './model.js';

export function checkTags(rs: RegionState, tags: Tag[], existing: Tag[] = []): void {
	const keys = new Set<string>();
	for (const t of tags) {
		if (keys.has(t.Key)) throw validation('INVALID_PARAMETER', `The tag key ${t.Key} appears twice.`, 'Tags');
		keys.add(t.Key);
	}
	const total = new Set([...existing.map(t => t.Key), ...keys]).size;
	if (total > rs.limits.TAGS_PER_RESOURCE) throw quota('TAGS_PER_RESOURCE', `A resource can have at most ${rs.limits.TAGS_PER_RESOURCE} tags.`);
}

/** Adds or overwrites tags in place. */
export function mergeTags(target: Tag[], tags: Tag[]): void {
	for (const t of tags) {
		const found = target.find(x => x.Key === t.Key);
		if (found) found.Value = t.Value;
		else target.push({Key: t.Key, Value: t.Value});
	}
}
