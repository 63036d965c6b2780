// Where a connection's credentials come from, when it does not say: the emulator's for the built-in emulator, else
// the named profile's, else the SDK's default chain. The clients (services/clients.ts) and the aws commands shown to
// the user (awsCliCommand.ts) must agree on it.
export type CredentialSource = 'local' | 'env' | 'profile' | 'chain';

export function credentialSource(c: {credentials?: CredentialSource; local?: boolean; profile?: string}): CredentialSource {
	return c.credentials ?? (c.local ? 'local' : c.profile ? 'profile' : 'chain');
}
