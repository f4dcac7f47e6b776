/** Sex as printed on documents in the languages Huawei reads, as M or F. */
const MALE = new Set(['M', 'MALE', 'H', 'HOMBRE', 'MASCULINO', 'NAM', '男', 'ប្រុស']);
const FEMALE = new Set(['F', 'FEMALE', 'MUJER', 'FEMENINO', 'NỮ', 'NU', '女', 'ស្រី']);

export function sexOf(printed: string): 'M' | 'F' | undefined {
	const text = printed.trim().toUpperCase();
	const first = text.split(/[\s/]+/)[0];
	for (const candidate of [text, first]) {
		if (MALE.has(candidate)) return 'M';
		if (FEMALE.has(candidate)) return 'F';
	}
	return undefined;
}
