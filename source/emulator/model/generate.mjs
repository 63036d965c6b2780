#!/usr/bin/env node
// Derives the emulator's validation data from the official botocore service models.
// Keeps shapes and constraints only (no documentation), writes source/emulator/model/{sms-voice,logs,cloudwatch,pinpoint}.json.
// Pinpoint (REST-JSON) keeps only the operations the emulator answers, with what REST-JSON routing needs: each
// operation's `http` (method, requestUri, responseCode), each member's location/locationName, each shape's payload.
// Usage: node source/emulator/model/generate.mjs [MODELS_DIR]   (default: ../shared/reference/models from the repo root)
// A model missing from MODELS_DIR is read from the installed botocore's data (gzip), e.g. CloudWatch's.
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {gunzipSync} from 'node:zlib';
import {join, dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..', '..');
const modelsDir = resolve(process.argv[2] ?? process.env.SMSDECK_MODELS_DIR ?? join(repoRoot, '..', 'shared', 'reference', 'models'));

const sources = [
	{file: 'pinpoint-sms-voice-v2/2022-03-31/service-2.json', out: 'sms-voice.json'},
	{file: 'logs/2014-03-28/service-2.json', out: 'logs.json'},
	// awsQuery-compatible: an error shape's `error.code` is the code clients read from x-amzn-query-error.
	{file: 'cloudwatch/2010-08-01/service-2.json', out: 'cloudwatch.json', keep: ['error']},
	// REST-JSON: `error.httpStatusCode` is the status each error is answered with.
	{
		file: 'pinpoint/2016-12-01/service-2.json',
		out: 'pinpoint.json',
		keep: ['error', 'payload'],
		rest: true,
		operations: [
			'GetApps',
			'GetApp',
			'CreateApp',
			'DeleteApp',
			'GetChannels',
			...['Apns', 'ApnsSandbox', 'ApnsVoip', 'ApnsVoipSandbox', 'Gcm', 'Baidu', 'Adm'].flatMap(c => [`Get${c}Channel`, `Update${c}Channel`, `Delete${c}Channel`]),
			'SendMessages',
			'GetEndpoint',
			'UpdateEndpoint',
			'DeleteEndpoint',
		],
	},
];

/** The model's text from MODELS_DIR, else from the botocore package the pip AWS CLI uses. */
function readModel(file) {
	const local = join(modelsDir, file);
	if (existsSync(local)) return readFileSync(local, 'utf8');
	const botocoreData =
		process.env.SMSDECK_BOTOCORE_DATA ??
		execFileSync('python3', ['-c', 'import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), "data"))'], {encoding: 'utf8'}).trim();
	const gz = join(botocoreData, `${file}.gz`);
	return existsSync(gz) ? gunzipSync(readFileSync(gz)).toString('utf8') : readFileSync(join(botocoreData, file), 'utf8');
}

const constraintKeys = ['min', 'max', 'pattern', 'enum', 'required', 'exception', 'fault', 'event', 'eventstream', 'union'];

function compactShape(shape, extraKeys = [], rest = false) {
	const out = {type: shape.type};
	for (const key of [...constraintKeys, ...extraKeys]) {
		if (shape[key] !== undefined) out[key] = shape[key];
	}
	if (shape.members) {
		out.members = {};
		for (const [name, member] of Object.entries(shape.members)) {
			const m = {shape: member.shape};
			if (member.idempotencyToken) m.idempotencyToken = true;
			if (member.eventpayload) m.eventpayload = true;
			if (rest && member.location) m.location = member.location;
			if (rest && member.locationName) m.locationName = member.locationName;
			out.members[name] = m;
		}
	}
	if (shape.member) out.member = shape.member.shape;
	if (shape.key) out.key = shape.key.shape;
	if (shape.value) out.value = shape.value.shape;
	return out;
}

/** Every shape reachable from the inputs, outputs and errors of `operations`. */
function reachable(model, operations) {
	const seen = new Set();
	const visit = name => {
		if (!name || seen.has(name)) return;
		seen.add(name);
		const shape = model.shapes[name];
		if (!shape) return;
		for (const member of Object.values(shape.members ?? {})) visit(member.shape);
		visit(shape.member?.shape);
		visit(shape.key?.shape);
		visit(shape.value?.shape);
	};
	for (const op of operations) {
		visit(op.input?.shape);
		visit(op.output?.shape);
		for (const error of op.errors ?? []) visit(error.shape);
	}
	return seen;
}

for (const {file, out, keep: extraKeys, rest = false, operations: only} of sources) {
	const model = JSON.parse(readModel(file));
	const missing = (only ?? []).filter(name => !model.operations[name]);
	if (missing.length > 0) throw new Error(`${file} has no operation ${missing.join(', ')}`);
	const operations = {};
	for (const [name, op] of Object.entries(model.operations).sort(([a], [b]) => a.localeCompare(b))) {
		if (only && !only.includes(name)) continue;
		const o = {};
		if (rest) o.http = {method: op.http.method, requestUri: op.http.requestUri, responseCode: op.http.responseCode ?? 200};
		if (op.input) o.input = op.input.shape;
		if (op.output) o.output = op.output.shape;
		o.errors = (op.errors ?? []).map(e => e.shape);
		operations[name] = o;
	}
	const keep = reachable(model, Object.keys(operations).map(name => model.operations[name]));
	const shapes = {};
	for (const name of Object.keys(model.shapes).sort()) {
		if (keep.has(name)) shapes[name] = compactShape(model.shapes[name], extraKeys, rest);
	}
	const data = {
		service: {
			targetPrefix: model.metadata.targetPrefix,
			jsonVersion: model.metadata.jsonVersion,
			apiVersion: model.metadata.apiVersion,
			uid: model.metadata.uid,
			...(rest ? {protocol: model.metadata.protocol, signingName: model.metadata.signingName} : {}),
		},
		operations,
		shapes,
	};
	const text = JSON.stringify(data) + '\n';
	writeFileSync(join(here, out), text);
	console.log(`${out}: ${Object.keys(operations).length} operations, ${Object.keys(shapes).length} shapes, ${text.length} bytes`);
}
