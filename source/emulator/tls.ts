// --tls: a certificate authority made fresh at every start and a server certificate it signs. node:crypto makes
// the RSA keys (native, fast); node-forge only builds and signs the X.509 certificates. index.ts imports this
// module dynamically, so nothing of forge is evaluated unless --tls is used.
import {generateKeyPairSync, randomBytes} from 'node:crypto';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {basename, dirname, extname, join, resolve} from 'node:path';
import forge from 'node-forge';
import {removeStaleTempFiles, writeFileAtomic} from './persistence.js';
import type {SubjectAltName} from './tlsNames.js';

const HOUR_MS = 60 * 60 * 1000;
const VALIDITY_MS = 30 * 24 * HOUR_MS;

export interface TlsMaterial {
	/** The CA certificate (PEM): what clients trust (AWS_CA_BUNDLE, the AWS CLI's --ca-bundle). */
	caPem: string;
	/** The server certificate (PEM), signed by the CA. */
	cert: string;
	/** The server certificate's private key (PKCS #8 PEM). Never written to disk. */
	key: string;
}

interface KeyPair {
	privatePem: string;
	publicKey: forge.pki.rsa.PublicKey;
	privateKey: forge.pki.rsa.PrivateKey;
}

function rsaKeyPair(): KeyPair {
	const {publicKey, privateKey} = generateKeyPairSync('rsa', {
		modulusLength: 2048,
		publicKeyEncoding: {type: 'spki', format: 'pem'},
		privateKeyEncoding: {type: 'pkcs8', format: 'pem'},
	});
	return {privatePem: privateKey, publicKey: forge.pki.publicKeyFromPem(publicKey), privateKey: forge.pki.privateKeyFromPem(privateKey)};
}

/** A random positive 128-bit serial number in hex, without a leading zero byte (DER integers are minimal). */
function randomSerial(): string {
	const bytes = randomBytes(16);
	bytes[0] = bytes[0] & 0x7f || 0x01;
	return bytes.toString('hex');
}

function newCertificate(publicKey: forge.pki.rsa.PublicKey, subject: forge.pki.CertificateField[], now: number): forge.pki.Certificate {
	const cert = forge.pki.createCertificate();
	cert.publicKey = publicKey;
	cert.serialNumber = randomSerial();
	// An hour of slack for clients whose clock is behind.
	cert.validity.notBefore = new Date(now - HOUR_MS);
	cert.validity.notAfter = new Date(now + VALIDITY_MS);
	cert.setSubject(subject);
	return cert;
}

function forgeAltName(name: SubjectAltName): {type: number; value?: string; ip?: string} {
	// GeneralName tags: 2 dNSName, 7 iPAddress.
	return 'dns' in name ? {type: 2, value: name.dns} : {type: 7, ip: name.ip};
}

/** A new CA and a server certificate for `names` (see certificateNames), valid from an hour ago for 30 days. */
export function createTlsMaterial(names: readonly SubjectAltName[], now = Date.now()): TlsMaterial {
	const caKeys = rsaKeyPair();
	const serverKeys = rsaKeyPair();
	const id = randomBytes(4).toString('hex');

	const ca = newCertificate(caKeys.publicKey, [
		{name: 'organizationName', value: 'smsdeck'},
		{name: 'commonName', value: `smsdeck emulator CA ${id}`},
	], now);
	ca.setIssuer(ca.subject.attributes);
	ca.setExtensions([
		{name: 'basicConstraints', critical: true, cA: true},
		{name: 'keyUsage', critical: true, keyCertSign: true, cRLSign: true},
		{name: 'subjectKeyIdentifier'},
	]);
	ca.sign(caKeys.privateKey, forge.md.sha256.create());

	const server = newCertificate(serverKeys.publicKey, [
		{name: 'organizationName', value: 'smsdeck'},
		{name: 'commonName', value: 'localhost'},
	], now);
	server.setIssuer(ca.subject.attributes);
	server.setExtensions([
		{name: 'basicConstraints', critical: true, cA: false},
		{name: 'keyUsage', critical: true, digitalSignature: true, keyEncipherment: true},
		{name: 'extKeyUsage', serverAuth: true},
		{name: 'subjectAltName', altNames: names.map(forgeAltName)},
		{name: 'subjectKeyIdentifier'},
		{name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes()},
	]);
	server.sign(caKeys.privateKey, forge.md.sha256.create());

	return {caPem: forge.pki.certificateToPem(ca), cert: forge.pki.certificateToPem(server), key: serverKeys.privatePem};
}

export interface WrittenCaFile {
	/** Absolute path of the CA certificate. */
	path: string;
	/** Removes the file's directory when it is a temporary one made for it; otherwise leaves the file. */
	cleanup(): Promise<void>;
}

/**
 * Writes the CA certificate (atomically, readable by all: it is public) to `caFile`; without one, next to the
 * state file (`state.json` → `state.ca.pem`), so its path stays the same across restarts; else in a new
 * temporary directory.
 */
export async function writeCaFile(caPem: string, caFile: string | undefined, statePath: string | undefined): Promise<WrittenCaFile> {
	let tempDir: string | undefined;
	let path: string;
	if (caFile !== undefined) path = resolve(caFile);
	else if (statePath !== undefined) path = resolve(dirname(statePath), `${basename(statePath, extname(statePath))}.ca.pem`);
	else {
		tempDir = await mkdtemp(join(tmpdir(), 'smsdeck-emulator-'));
		path = join(tempDir, 'ca.pem');
	}
	try {
		await removeStaleTempFiles(path); // a kill -9 mid-write at an earlier start
		await writeFileAtomic(path, caPem, 0o644);
	} catch (error) {
		if (tempDir) await rm(tempDir, {recursive: true, force: true});
		throw new Error(`cannot write the CA certificate to ${path}: ${(error as Error).message}`);
	}
	return {path, cleanup: async () => (tempDir ? rm(tempDir, {recursive: true, force: true}) : undefined)};
}
