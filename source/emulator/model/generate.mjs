#!/usr/bin/env node
// Derives the emulator's validation data from the official botocore service models.
// Keeps shapes and constraints only (no documentation), writes source/emulator/model/{sms-voice,logs}.json.
// Usage: node source/emulator/model/generate.mjs [MODELS_DIR]   (default: ../shared/reference/models from the repo root)
import {readFileSync, writeFileSync} from 'node:fs';
import {join, dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..', '..');
const modelsDir = resolve(process.argv[2] ?? process.env.SMSDECK_MODELS_DIR ?? join(repoRoot, '..', 'shared', 'reference', 'models'));

const sources = [
	{file: 'pinpoint-sms-voice-v2/2022-03-31/service-2.json', out: 'sms-voice.json'},
	{file: 'logs/2014-03-28/service-2.json', out: 'logs.json'},
];

const constraintKeys = ['min', 'max', 'pattern', 'enum', 'required', 'exception', 'fault', 'event', 'eventstream', 'union'];

function compactShape(shape) {
	const out = {type: shape.type};
	for (const key of constraintKeys) {
		if (shape[key] !== undefined) out[key] = shape[key];
	}
	if (shape.members) {
		out.members = {};
		for (const [name, member] of Object.entries(shape.members)) {
			const m = {shape: member.shape};
			if (member.idempotencyToken) m.idempotencyToken = true;
			if (member.eventpayload) m.eventpayload = true;
			out.members[name] = m;
		}
	}
	if (shape.member) out.member = shape.member.shape;
	if (shape.key) out.key = shape.key.shape;
	if (shape.value) out.value = shape.value.shape;
	return out;
}

/** Every shape reachable from the operations' inputs, outputs and errors. */
function reachable(model) {
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
	for (const op of Object.values(model.operations)) {
		visit(op.input?.shape);
		visit(op.output?.shape);
		for (const error of op.errors ?? []) visit(error.shape);
	}
	return seen;
}

for (const {file, out} of sources) {
	const model = JSON.parse(readFileSync(join(modelsDir, file), 'utf8'));
	const operations = {};
	for (const [name, op] of Object.entries(model.operations).sort(([a], [b]) => a.localeCompare(b))) {
		const o = {};
		if (op.input) o.input = op.input.shape;
		if (op.output) o.output = op.output.shape;
		o.errors = (op.errors ?? []).map(e => e.shape);
		operations[name] = o;
	}
	const keep = reachable(model);
	const shapes = {};
	for (const name of Object.keys(model.shapes).sort()) {
		if (keep.has(name)) shapes[name] = compactShape(model.shapes[name]);
	}
	const data = {
		service: {
			targetPrefix: model.metadata.targetPrefix,
			jsonVersion: model.metadata.jsonVersion,
			apiVersion: model.metadata.apiVersion,
			uid: model.metadata.uid,
		},
		operations,
		shapes,
	};
	const text = JSON.stringify(data) + '\n';
	writeFileSync(join(here, out), text);
	console.log(`${out}: ${Object.keys(operations).length} operations, ${Object.keys(shapes).length} shapes, ${text.length} bytes`);
}
