// Plain-text lines for `smsdeck simulate`: one per finished step (stderr) and the final report (stdout). They
// quote the service (statuses, reasons, the account tier): the caller prints them with renderLines.
import type {SimulatorReport, StepUpdate} from '../services/simulatorRun.js';
import {formatPrice} from '../domain/format.js';

const MARK: Record<StepUpdate['state'], string> = {running: '…', passed: '✓', failed: '✗', warn: '!', skipped: '-'};

const seconds = (ms: number | undefined) => (ms === undefined ? '' : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

export function formatStep(step: StepUpdate): string[] {
	const lines = [`${MARK[step.state]} ${step.title}${step.durationMs !== undefined ? ` (${seconds(step.durationMs)})` : ''}${step.detail ? `: ${step.detail}` : ''}`];
	if (step.fix) lines.push(`  fix: ${step.fix}`);
	return lines;
}

export function formatReport(report: SimulatorReport): string[] {
	const out: string[] = [];
	out.push(`${report.verdict}  run ${report.runId} in ${report.region}, ${seconds(report.durationMs)}`);
	if (report.reason) out.push(`  ${report.reason}`);
	if (report.fix) out.push(`  fix: ${report.fix}`);
	const facts: [string, string | undefined][] = [
		['Origination', report.origination],
		['Configuration set', report.configurationSet],
		['Log group', report.logGroup],
		['Account tier', report.accountTier],
	];
	for (const [k, v] of facts) if (v) out.push(`${(k + ':').padEnd(19)}${v}`);
	for (const m of report.messages) {
		const cost = m.price !== undefined ? `, ${formatPrice(m.price)}` : '';
		const parts = m.parts !== undefined ? `, ${m.parts} part${m.parts === 1 ? '' : 's'}` : '';
		const latency = m.latencyMs !== undefined ? `, send → final ${seconds(m.latencyMs)}` : '';
		out.push(`${m.state === 'passed' ? '✓' : '✗'} ${m.destination} (${m.expect}) ${m.messageId ?? ''}: ${m.reason}${latency}${parts}${cost}`);
		for (const e of m.events) {
			const at = e.timestamp !== undefined ? new Date(e.timestamp).toISOString().slice(11, 23) : '?';
			out.push(`    ${at}  ${e.eventType ?? e.status ?? '?'}${e.isFinal ? ' (final)' : ''}`);
		}
	}
	return out;
}
