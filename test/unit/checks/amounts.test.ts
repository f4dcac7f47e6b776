import { normalizeAmount, parseChineseAmount } from '../../../nodes/HuaweiCloudOcr/checks/primitives/amounts';

describe('normalizeAmount', () => {
	it.each([
		['¥1,234.50', { amount: 1234.5, currency: 'CNY' }],
		['￥1234.50', { amount: 1234.5, currency: 'CNY' }],
		['1234.50元', { amount: 1234.5, currency: 'CNY' }],
		['CNY 1,234.50', { amount: 1234.5, currency: 'CNY' }],
		['人民币 100', { amount: 100, currency: 'CNY' }],
		['（小写）¥1234.50', { amount: 1234.5, currency: 'CNY' }],
		['$12.00', { amount: 12, currency: 'USD' }],
		['US$ 12', { amount: 12, currency: 'USD' }],
		['HK$1,000', { amount: 1000, currency: 'HKD' }],
		['1.234,50 €', { amount: 1234.5, currency: 'EUR' }],
		['12,50 EUR', { amount: 12.5, currency: 'EUR' }],
		['£3.20', { amount: 3.2, currency: 'GBP' }],
		['1,234,567.89', { amount: 1234567.89 }],
		['1.234.567', { amount: 1234567 }],
		['-12.30', { amount: -12.3 }],
		['¥-12.30', { amount: -12.3, currency: 'CNY' }],
		['0.00', { amount: 0 }],
		['88', { amount: 88 }],
		['1000万元', { amount: 10000000, currency: 'CNY' }],
		['5000万人民币', { amount: 50000000, currency: 'CNY' }],
		['1.5亿元', { amount: 150000000, currency: 'CNY' }],
		['壹仟万元整', { amount: 10000000, currency: 'CNY' }],
		['壹佰元', { amount: 100, currency: 'CNY' }],
	])('%s → %j', (input, expected) => {
		expect(normalizeAmount(input)).toEqual(expected);
	});

	it('passes numbers through', () => {
		expect(normalizeAmount(12.5)).toEqual({ amount: 12.5 });
	});

	it.each(['', '¥', 'abc', '12.3.4', '1,23,4', '壹佰', '12 apples', '万元'])('is undefined for %p', (input) => {
		expect(normalizeAmount(input)).toBeUndefined();
	});
});

describe('parseChineseAmount', () => {
	it.each([
		['壹仟贰佰叁拾肆元伍角整', 1234.5],
		['壹仟贰佰叁拾肆元伍角', 1234.5],
		['壹仟贰佰叁拾肆圆整', 1234],
		['人民币叁拾元零伍分', 30.05],
		['⊗壹佰元整', 100],
		['ⓧ壹佰元整', 100],
		['拾元整', 10],
		['壹拾元整', 10],
		['壹拾万零伍佰元整', 100500],
		['壹万元整', 10000],
		['贰亿零伍万元整', 200050000],
		['壹仟零贰拾元整', 1020],
		['壹仟零伍元整', 1005],
		['伍角', 0.5],
		['叁分', 0.03],
		['零元整', 0],
		['玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分', 99999999.99],
		['貳佰參拾圓整', 230],
		['负壹佰元整', -100],
		['壹佰元 整', 100],
	])('%s → %d', (words, amount) => {
		expect(parseChineseAmount(words)).toBe(amount);
	});

	it.each(['', '壹佰', '一百块', '壹佰元伍', 'ABC元', '壹佰元伍角伍角'])('is undefined for %p', (words) => {
		expect(parseChineseAmount(words)).toBeUndefined();
	});
});
