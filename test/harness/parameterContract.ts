/**
 * The part of a node's (or credential's) parameters that saved workflows depend on: each
 * parameter's name, where it shows (its display rules), type, default and option values.
 * Labels, descriptions and hints are left out: changing them breaks nothing.
 */
import type { INodeProperties, INodePropertyCollection, INodeTypeDescription } from 'n8n-workflow';

export interface PinnedParameter {
	type: string;
	default: unknown;
	/** Values of an options/multiOptions parameter. */
	options?: unknown[];
}

/** Parameter path (with its display rules) → what saved workflows rely on. */
export type ParameterContract = Record<string, PinnedParameter>;

type DisplayRules = Record<string, unknown[] | undefined> | undefined;

function rules(kind: 'show' | 'hide', conditions: DisplayRules): string[] {
	return Object.entries(conditions ?? {})
		.filter(([name]) => name !== '@version')
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([name, values]) => `${kind}:${name}=${(values ?? []).map((value) => JSON.stringify(value)).join('|')}`);
}

/** `operation [show:resource="textAndTables"]`: the same name may exist once per display rule. */
function keyOf(prefix: string, property: INodeProperties): string {
	const conditions = [...rules('show', property.displayOptions?.show), ...rules('hide', property.displayOptions?.hide)];
	const name = `${prefix}${property.name}`;
	return conditions.length > 0 ? `${name} [${conditions.join('; ')}]` : name;
}

function matchesVersion(values: unknown[] | undefined, version: number): boolean {
	return values === undefined || values.includes(version);
}

/** Whether a parameter shows on the given node version (`@version` display rules as arrays). */
export function shownOnVersion(property: INodeProperties, version: number): boolean {
	const show = property.displayOptions?.show?.['@version'] as unknown[] | undefined;
	const hide = property.displayOptions?.hide?.['@version'] as unknown[] | undefined;
	return matchesVersion(show, version) && !(hide ?? []).includes(version);
}

const isPropertyCollection = (option: object): option is INodePropertyCollection => 'values' in option;

function collect(properties: INodeProperties[], version: number, prefix: string, into: ParameterContract): void {
	for (const property of properties) {
		if (property.type === 'notice' || !shownOnVersion(property, version)) continue;
		const key = keyOf(prefix, property);
		const pinned: PinnedParameter = { type: property.type, default: property.default ?? null };
		const options = property.options ?? [];
		if (property.type === 'options' || property.type === 'multiOptions') {
			pinned.options = options.map((option) => ('value' in option ? option.value : undefined));
		}
		into[key] = pinned;
		for (const option of options) {
			if ('type' in option) collect([option as INodeProperties], version, `${key}.`, into);
			else if (isPropertyCollection(option)) collect(option.values, version, `${key}.${option.name}.`, into);
		}
	}
}

/** The contract of a node version's (or a credential's) parameters. */
export function parameterContract(properties: INodeProperties[], version = 1): ParameterContract {
	const contract: ParameterContract = {};
	collect(properties, version, '', contract);
	return contract;
}

/** The node description's versions as a list (`version: 1` or `version: [1, 2]`). */
export function versionsOf(description: INodeTypeDescription): number[] {
	return Array.isArray(description.version) ? description.version : [description.version];
}

/**
 * What a saved workflow of the pinned contract would lose with the current parameters: removed or
 * moved parameters, changed types or defaults, removed option values. Additions break nothing.
 */
export function breakingChanges(pinned: ParameterContract, current: ParameterContract): string[] {
	const problems: string[] = [];
	for (const [key, was] of Object.entries(pinned)) {
		const now = current[key];
		if (!now) {
			problems.push(`${key}: removed, renamed or its display rules changed`);
			continue;
		}
		if (now.type !== was.type) problems.push(`${key}: type ${was.type} became ${now.type}`);
		if (JSON.stringify(now.default) !== JSON.stringify(was.default)) {
			problems.push(`${key}: default ${JSON.stringify(was.default)} became ${JSON.stringify(now.default)}`);
		}
		const dropped = (was.options ?? []).filter((value) => !(now.options ?? []).includes(value));
		if (dropped.length > 0) problems.push(`${key}: option values removed: ${dropped.map((value) => JSON.stringify(value)).join(', ')}`);
	}
	return problems;
}
