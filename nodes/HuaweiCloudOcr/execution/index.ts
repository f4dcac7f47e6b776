export {
	accountKey,
	accountPacing,
	AccountPacingRegistry,
	ExecutionPacing,
	NO_ACCOUNT_LIMITS,
	setPacingScope,
	type AccountLimits,
	type CallPacing,
	type PacingScope,
} from './accountPacing';
export { BACKOFF, throttlePauseMs, transientDelayMs } from './backoff';
export { classifyFailure, type FailureClass } from './classify';
export { systemClock, type RetryClock } from './clock';
export { ItemSkippedError, runItems, type ItemOutcome } from './pool';
export { executionOptionFields } from './properties';
export { callWithRetries, type AttemptOutcome } from './retry';
export {
	DEFAULT_EXECUTION_SETTINGS,
	EXECUTION_LIMITS,
	normaliseExecutionSettings,
	readExecutionSettings,
	type ExecutionSettings,
} from './settings';
export { CallSlots, slotsWithin, type RequestSlots } from './slots';
export { ThrottleGate, type ThrottleGateOptions } from './throttleGate';
export { BilledCalls } from './billedCalls';
export { CallsStoppedError, StopSignal, causeOfStop, isConsequenceOfStop } from './stopSignal';
