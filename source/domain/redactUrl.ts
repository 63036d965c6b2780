/** A URL without the credentials it may carry (user:secret@host → ***@host); other text comes back as it is. */
export function redactUrl(text: string): string {
	return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@');
}
