// A channel as Pinpoint answers it: the <Type>ChannelResponse of Get/Update/Delete, and the ChannelResponse of
// GetChannels (the same without Platform and the per-family members).
import {CHANNEL_INFO} from './channelKinds.js';
import type {ChannelKind, StoredChannel} from './state.js';

/** The members every channel answer has (ChannelResponse). */
export function commonChannelView(kind: ChannelKind, applicationId: string, channel: StoredChannel): Record<string, unknown> {
	return {
		ApplicationId: applicationId,
		CreationDate: channel.creationDate,
		Enabled: channel.enabled,
		// "(Not used) retained for backward compatibility": true, since a channel cannot exist without credentials.
		HasCredential: true,
		Id: kind.toLowerCase(),
		IsArchived: false,
		LastModifiedBy: channel.lastModifiedBy,
		LastModifiedDate: channel.lastModifiedDate,
		Version: channel.version,
	};
}

/** The APNSChannelResponse, GCMChannelResponse, … of the channel's kind. */
export function channelView(kind: ChannelKind, applicationId: string, channel: StoredChannel): Record<string, unknown> {
	const view: Record<string, unknown> = {...commonChannelView(kind, applicationId, channel), Platform: kind};
	switch (CHANNEL_INFO[kind].family) {
		case 'apns':
			view.HasTokenKey = channel.tokenKey === true;
			view.DefaultAuthenticationMethod = channel.defaultAuthenticationMethod;
			break;
		case 'gcm':
			view.HasFcmServiceCredentials = channel.serviceJson === true;
			view.DefaultAuthenticationMethod = channel.defaultAuthenticationMethod;
			break;
		case 'baidu':
			view.Credential = channel.credential;
			break;
		case 'adm':
			break;
	}
	for (const [key, value] of Object.entries(view)) if (value === undefined) delete view[key];
	return view;
}
