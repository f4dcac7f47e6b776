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
export { CallSlots } from './slots';
export { ThrottleGate } from './throttleGate';
export { BilledCalls } from './billedCalls';
export { CallsStoppedError, StopSignal, causeOfStop, isConsequenceOfStop } from './stopSignal';
