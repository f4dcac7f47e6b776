/** Country codes printed on passports (`country_code`, `nationality`) must be ICAO 9303 codes. */
import { isIcaoCountryCode, SPECIMEN_STATE } from '../primitives/countryCodes';
import type { Check } from '../types';
import { failed, PASSED, SKIPPED } from '../types';
import { quote } from './naming';
import { textCheck } from './textCheck';

export function countryCodeCheck(field: string): Check {
	const description = 'A valid ICAO 9303 country code (ISO 3166 alpha-3 or an ICAO addition such as D, GBD, UNO)';
	return textCheck('countryCode', field, description, (text) => {
		// Full-field Chinese passports may print a name ("中国") instead of a code: only codes are checked.
		if (!/^[A-Za-z<]{1,3}$/.test(text)) return SKIPPED;
		const code = text.toUpperCase();
		if (code === SPECIMEN_STATE) {
			return failed({ field, message: `${quote(code)} is ICAO's specimen state: this is a sample document`, value: text });
		}
		if (isIcaoCountryCode(code)) return PASSED;
		return failed({ field, message: `${quote(text)} is not an ICAO 9303 country code`, value: text });
	});
}
