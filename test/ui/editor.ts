/** What a person does in n8n's workflow editor, as Playwright steps (n8n 2.41 markup). */
import type { Locator, Page } from 'playwright-core';

import { saveScreenshot } from './screenshotFile';
import { OWNER } from './session';

function exactText(text: string): RegExp {
	return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*$`);
}

export async function signIn(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.getByLabel('Email').fill(OWNER.email);
	await page.getByLabel('Password').fill(OWNER.password);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL((url) => !url.pathname.includes('signin'));
	// Let the start page finish loading its data before navigating on: leaving it mid-way once
	// produced an "Init Problem … 404" toast in the next page.
	await page.waitForLoadState('networkidle');
}

export async function openNewWorkflow(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/new`);
	await page.getByTestId('canvas-add-button').waitFor();
	await page.waitForLoadState('networkidle');
}

/** An action node cannot be a workflow's first step, so start with "Trigger manually". */
export async function addManualTrigger(page: Page): Promise<void> {
	await page.getByTestId('canvas-add-button').click();
	await page.getByTestId('node-creator-search-bar').fill('manual');
	await page.getByTestId('node-creator-item-name').filter({ hasText: 'Trigger manually' }).click();
	await page.getByTestId('node-creator-plus-button').waitFor();
}

/** Nodes panel → search → the node → one of its actions; n8n then opens the node details view. */
export async function addNodeFromPanel(page: Page, search: string, nodeName: string, action: string): Promise<Locator> {
	await page.getByTestId('node-creator-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill(search);
	await page.getByTestId('node-creator-item-name').filter({ hasText: exactText(nodeName) }).click();
	await page.getByTestId('node-creator-item-name').filter({ hasText: exactText(action) }).click();
	const ndv = page.getByTestId('ndv');
	await ndv.getByTestId('node-parameters').waitFor();
	return ndv;
}

/** Picks an option of an `options` parameter by its name (the dropdown also shows descriptions). */
export async function chooseOption(page: Page, scope: Locator, parameter: string, optionName: string): Promise<void> {
	await scope.getByTestId(`parameter-input-${parameter}`).click();
	const option = page
		.locator('.el-select-dropdown__item:visible')
		.filter({ has: page.locator('.option-headline', { hasText: exactText(optionName) }) });
	await option.click();
	await option.waitFor({ state: 'hidden' });
}

/**
 * Adds an option to the first collection of the node (Recognition Options). n8n shows a dropdown
 * for several options and a plain button that adds the only one directly.
 */
export async function addFirstCollectionOption(page: Page, ndv: Locator, optionName: string): Promise<void> {
	await ndv.getByTestId('node-parameters').getByTestId('collection-parameter-add').first().click();
	const item = page.locator('.el-select-dropdown__item:visible').filter({ hasText: exactText(optionName) });
	if (await item.count()) await item.first().click();
}

/** The value an `options` parameter shows. */
export async function shownOption(scope: Locator, parameter: string): Promise<string> {
	return await scope.getByTestId(`parameter-input-${parameter}`).locator('input').first().inputValue();
}

function firstLines(texts: string[]): string[] {
	return texts.map((text) => text.split('\n')[0].replace(/\s*\*$/, '').trim()).filter((text) => text !== '');
}

/** Labels of the node parameters on screen (Parameters tab), e.g. ['Resource', 'Operation', …]. */
export async function visibleParameterLabels(ndv: Locator): Promise<string[]> {
	const labels = ndv.getByTestId('node-parameters').getByTestId('input-label').filter({ visible: true });
	return firstLines(await labels.allInnerTexts());
}

/** Credential select → "Create new credential": the credential dialog, nothing saved yet. */
export async function openNewCredentialDialog(page: Page, ndv: Locator): Promise<Locator> {
	await ndv.getByTestId('node-credentials-select').click();
	await page.getByTestId('node-credentials-select-item-new').click();
	const dialog = page.getByTestId('credential-edit-dialog');
	await dialog.getByTestId('parameter-input-authType').waitFor();
	return dialog;
}

/** Labels of the credential fields on screen; a required field's asterisk is dropped. */
export async function visibleCredentialLabels(dialog: Locator): Promise<string[]> {
	return firstLines(await dialog.getByTestId('credential-connection-parameter').filter({ visible: true }).allInnerTexts());
}

/** Closes the unsaved credential dialog, confirming "close without saving" if n8n asks. */
export async function discardCredentialDialog(page: Page, dialog: Locator): Promise<void> {
	await page.locator('.el-dialog', { has: dialog }).getByRole('button', { name: 'Close this dialog' }).click();
	const confirm = page.locator('.el-message-box:visible');
	if (await confirm.isVisible().catch(() => false)) {
		await confirm.getByRole('button', { name: /close|leave|discard|yes/i }).first().click();
	}
	await dialog.waitFor({ state: 'hidden' });
}

/** Error toasts and danger banners the editor shows, as text; empty when there are none. */
export async function editorErrors(page: Page): Promise<string[]> {
	const toasts = page.locator('.el-notification:visible').filter({ has: page.locator('.el-notification--error') });
	const banners = page.getByTestId('banner-stack').locator('[class*="danger"], [class*="error"]').filter({ visible: true });
	return [...(await toasts.allInnerTexts()), ...(await banners.allInnerTexts())].map((text) => text.trim().replace(/\s+/g, ' '));
}

const HIDE_SCROLLBARS = '* { scrollbar-width: none !important; } .el-scrollbar__bar { display: none !important; }';

/** Screenshot of one element (e.g. the node details view), with the pointer moved out of the way. */
export async function screenshotOf(page: Page, element: Locator, path: string): Promise<void> {
	await page.mouse.move(0, 0);
	// The same screen should give the same PNG: no focus ring, no half-turned dropdown arrow,
	// no fading scrollbar, and scrolled to the top.
	await page.evaluate('document.activeElement && document.activeElement.blur()');
	await page.addStyleTag({ content: HIDE_SCROLLBARS });
	await element.evaluate((root: { querySelectorAll(selector: string): Iterable<{ scrollTop: number }> }) => {
		for (const node of root.querySelectorAll('*')) if (node.scrollTop > 0) node.scrollTop = 0;
	});
	await page.waitForTimeout(600);
	await saveScreenshot(path, await element.screenshot({ animations: 'disabled' }));
}
