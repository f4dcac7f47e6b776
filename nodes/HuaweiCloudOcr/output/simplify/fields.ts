/** Fields family (cards, licences, invoices, certificates) and invoice verification: one flat item. */
import type { IDataObject } from 'n8n-workflow';
import type { DetailOptions } from '../flatten';
import { flattenFields } from '../flatten';
import type { FieldsResult, VerificationResult } from '../schemas';

export function simplifyFields(result: FieldsResult, options: DetailOptions): IDataObject {
	return flattenFields(result, options);
}

export function simplifyVerification(result: VerificationResult, options: DetailOptions): IDataObject {
	return flattenFields(result, options);
}
