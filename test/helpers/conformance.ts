// Raw awsJson calls to an emulator, each answer checked against the model (source/emulator/model/conformance.ts):
// what a call was expected to do (succeed, or fail with a code and Reason) and every way its answer departs from
// the model are collected, with the operations that answered a success and an error, for the coverage check.
import {errorProblems, successProblems, type WireAnswer} from '../../source/emulator/model/conformance.js';
import type {ServiceFlavor, ServiceModel} from '../../source/emulator/model/serviceModel.js';

export interface CallOptions {
	region?: string;
	/** sms-voice: the Reason the error must carry. */
	reason?: string;
}

/** Everything the calls found wrong, and which operations were seen to succeed and to fail. */
export class ConformanceLog {
	readonly problems: string[] = [];
	readonly succeeded = new Set<string>();
	readonly failed = new Set<string>();
	/** `Code` or `Code/Reason` of every error answered, for the report of distinct errors. */
	readonly errors = new Set<string>();
}

export class WireClient {
	constructor(
		protected readonly url: string,
		readonly model: ServiceModel,
		readonly flavor: ServiceFlavor,
		readonly log: ConformanceLog,
	) {}

	protected get signingName(): string {
		return {logs: 'logs', cloudwatch: 'monitoring', 'sms-voice': 'sms-voice', pinpoint: 'mobiletargeting'}[this.flavor];
	}

	/** POSTs `input` (or a raw body) as `operation`, signed for `region` only as far as the emulator reads it. */
	async raw(operation: string, input: unknown, region = 'us-east-1', init: {body?: string; headers?: Record<string, string>} = {}): Promise<WireAnswer> {
		const res = await fetch(this.url, {
			method: 'POST',
			headers: {
				'content-type': `application/x-amz-json-${this.model.service.jsonVersion}`,
				'x-amz-target': `${this.model.service.targetPrefix}.${operation}`,
				authorization: `AWS4-HMAC-SHA256 Credential=AKIDCONFORMANCE/20250101/${region}/${this.signingName}/aws4_request, SignedHeaders=host, Signature=00`,
				...init.headers,
			},
			body: init.body ?? JSON.stringify(input),
		});
		const headers: Record<string, string> = {};
		res.headers.forEach((value, name) => {
			headers[name] = value;
		});
		return {status: res.status, headers, body: await res.text()};
	}

	/** `Prefix.Operation` (`mobiletargeting.GetApps` for a REST-JSON service, which has no target prefix). */
	label(operation: string): string {
		return `${this.model.service.targetPrefix ?? this.model.service.signingName}.${operation}`;
	}

	/** Expects a success; returns the parsed body (an empty object when the call failed). */
	async ok(operation: string, input: unknown = {}, options: CallOptions = {}): Promise<any> {
		const answer = await this.raw(operation, input, options.region);
		const label = this.label(operation);
		if (answer.status < 200 || answer.status > 299) {
			this.log.problems.push(`${label} ${JSON.stringify(input).slice(0, 200)}: expected a success, got ${answer.status} ${answer.body.slice(0, 300)}`);
			return {};
		}
		this.log.succeeded.add(label);
		for (const p of successProblems(this.model, operation, answer)) this.log.problems.push(`${label}: ${p}`);
		return answer.body === '' ? {} : JSON.parse(answer.body);
	}

	/** Expects the error `code` (and Reason, when given); returns the parsed error body. */
	async fails(operation: string, input: unknown, code: string, options: CallOptions = {}): Promise<any> {
		const answer = await this.raw(operation, input, options.region);
		return this.checkError(operation, input, answer, code, options.reason);
	}

	checkError(operation: string, input: unknown, answer: WireAnswer, code: string, reason?: string): any {
		const label = this.label(operation);
		if (answer.status >= 200 && answer.status <= 299) {
			this.log.problems.push(`${label} ${JSON.stringify(input).slice(0, 200)}: expected ${code}${reason ? ` ${reason}` : ''}, but it succeeded`);
			return {};
		}
		const checked = errorProblems(this.model, this.flavor, operation, answer);
		for (const p of checked.problems) this.log.problems.push(`${label}: ${p}`);
		let body: Record<string, unknown> = {};
		try {
			body = JSON.parse(answer.body);
		} catch {
			// reported by errorProblems
		}
		if (checked.code !== code || (reason !== undefined && body.Reason !== reason)) {
			this.log.problems.push(
				`${label} ${JSON.stringify(input).slice(0, 200)}: expected ${code}${reason ? ` ${reason}` : ''}, got ${checked.code} ${String(body.Reason ?? '')}: ${String(body.Message ?? body.message ?? '')}`,
			);
		}
		this.log.failed.add(label);
		this.log.errors.add(`${this.model.service.targetPrefix ?? this.model.service.signingName} ${checked.code}${typeof body.Reason === 'string' ? `/${body.Reason}` : ''}`);
		return body;
	}
}
