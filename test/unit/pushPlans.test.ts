// The staged enable/disable of a push channel: its review says when the update hides an APNs certificate's age.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {pushChannelEnableEdit} from '../../source/app/pushPlans.js';

const connection = {region: 'us-east-1', local: false};
const app = {Id: '5ca4fde87c9d6948dc6d7d2be345b185', Name: 'shop-mobile', Arn: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/5ca4fde87c9d6948dc6d7d2be345b185'};
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

test("disabling a certificate-based APNs channel says the update moves the only clue to the certificate's age", () => {
	const edit = pushChannelEnableEdit(connection, app, 'APNS', {Enabled: true, DefaultAuthenticationMethod: 'CERTIFICATE', LastModifiedDate: daysAgo(340)}, false);
	assert.match(edit.after, /^disabled .*the channel's last-change date, the only clue to its certificate's age \(at least 340 days old today\), moves to now$/);
	assert.deepEqual(edit.preview, {Enabled: 'no'});
});

test('a channel signing with a key (or an FCM one) has no such note', () => {
	const apnsKey = pushChannelEnableEdit(connection, app, 'APNS_SANDBOX', {Enabled: true, HasTokenKey: true, DefaultAuthenticationMethod: 'TOKEN', LastModifiedDate: daysAgo(30)}, false);
	const fcm = pushChannelEnableEdit(connection, app, 'GCM', {Enabled: false, HasFcmServiceCredentials: true, LastModifiedDate: daysAgo(30)}, true);
	assert.doesNotMatch(apnsKey.after, /certificate/);
	assert.equal(fcm.after, 'enabled (pushes to its devices go out)');
});
