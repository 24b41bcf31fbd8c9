import { expect, test } from './fixtures';
import { addCatalogueSecurities } from './helpers/securities';

test('edit a security’s aliases, re-link stored news to it, then edit the news event', async ({ app }) => {
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  // An index with prices but no transactions: it must still be listed, editable and deletable.
  await addCatalogueSecurities(app, ['^HSI']);

  // Add 9988.HK from the catalogue through the transaction form, with a first buy.
  await page.getByRole('button', { name: 'Add transaction' }).click();
  const txDialog = page.getByRole('dialog', { name: 'Add transaction' });
  await txDialog.getByRole('combobox').fill('9988');
  await expect(txDialog.getByRole('option').first()).toContainText('9988.HK');
  await txDialog.getByRole('combobox').press('Enter');
  await expect(txDialog.getByText('Alibaba Group Holding · HKD')).toBeVisible();
  await txDialog.getByLabel('Quantity').fill('100');
  await txDialog.getByLabel('Price per share').fill('80');
  await txDialog.getByLabel('Price per share').press('Enter');
  await expect(txDialog).toBeHidden();

  // Two stories that call the company only by a nickname. "阿里" is already a catalogue name of
  // the issuer, so that one links at once; "淘宝" (its marketplace) is nobody's name yet.
  await nav.getByRole('button', { name: 'News' }).click();
  const detail = page.getByRole('article');
  const list = page.getByRole('region', { name: 'News events' });
  for (const [date, headline] of [
    ['2026-01-12', '阿里 unveils new cloud chips'],
    ['2026-01-13', '淘宝 sales hit a record'],
  ] as const) {
    await page.getByRole('button', { name: 'Add news event' }).click();
    const entry = page.getByRole('form', { name: 'Add news event' });
    await entry.getByLabel('Date').fill(date);
    await entry.getByLabel('Headline').fill(headline);
    await entry.getByLabel('Source').fill('Caixin');
    if (date === '2026-01-13') await app.screenshot('add-news-event-form');
    await entry.getByLabel('Source').press('Enter');
    await expect(detail.getByRole('heading', { name: headline })).toBeVisible();
  }
  await expect(detail.getByText('Not linked to any security.', { exact: false })).toBeVisible();
  await list.getByRole('button', { name: /阿里 unveils new cloud chips/ }).click();
  await expect(detail.getByTestId('link-9988.HK')).toContainText('“阿里” in the headline');

  // Holdings → 9988.HK → Edit security. An API refusal shows under its field.
  await nav.getByRole('button', { name: 'Holdings' }).click();
  await page.getByRole('row', { name: /9988\.HK/ }).click();
  await page.getByRole('button', { name: 'Edit security' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit 9988.HK' });
  await expect(edit.getByLabel('Name', { exact: true })).toHaveValue('Alibaba Group Holding');
  await expect(edit.getByLabel('Name', { exact: true })).toBeFocused();
  await edit.getByLabel('ISIN (optional)').fill('KYG017191143');
  await edit.getByLabel('ISIN (optional)').press('Enter');
  await expect(edit.locator('#sec-err-isin')).toHaveText('The check digit does not match.');
  await expect(edit.getByLabel('ISIN (optional)')).toHaveAttribute('aria-invalid', 'true');
  await app.screenshot('edit-security-isin-error');
  // Esc cancels: nothing was saved.
  await edit.getByLabel('ISIN (optional)').press('Escape');
  await expect(edit).toBeHidden();
  await expect(page.getByText('ISIN KYG017191142')).toBeVisible();

  await page.getByRole('button', { name: 'Edit security' }).click();
  const aliases = edit.getByLabel('Aliases');
  const before = await aliases.inputValue();
  await aliases.fill(before === '' ? '阿里，淘宝' : `${before}, 阿里，淘宝`);
  await app.screenshot('edit-security-dialog');
  await aliases.press('Enter');
  const saved = page.getByRole('dialog', { name: '9988.HK saved' });
  await expect(saved.getByText('Events stored before keep their links until you link them again.', { exact: false })).toBeVisible();
  await saved.getByRole('button', { name: 'Re-link news' }).click();
  await expect(saved.getByText('Checked 2 news events: 1 link added, 0 removed.')).toBeVisible();
  await app.screenshot('edit-security-relinked');
  await saved.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText(/^Also called: .*阿里, 淘宝$/)).toBeVisible();

  // "Securities…": the index without transactions is there; 9988.HK cannot be deleted while it has a buy.
  await page.getByRole('button', { name: 'Securities…' }).click();
  const manage = page.getByRole('dialog', { name: 'Your securities' });
  await expect(manage.getByRole('row', { name: '^HSI' })).toContainText('Index');
  await expect(manage.getByRole('row', { name: '9988.HK' })).toContainText('also: ');
  await expect(manage.getByRole('row', { name: '9988.HK' })).toContainText('阿里, 淘宝');
  await manage.getByRole('button', { name: 'Delete 9988.HK' }).click();
  await manage.getByRole('button', { name: 'Delete 9988.HK' }).click();
  await expect(manage.getByRole('row', { name: '9988.HK' }).getByRole('alert')).toHaveText(
    '9988.HK still has 1 transaction. Delete it first; then the security can be removed.',
  );
  await app.screenshot('manage-securities');
  await manage.getByRole('button', { name: 'Edit ^HSI' }).click();
  const editIndex = page.getByRole('dialog', { name: 'Edit ^HSI' });
  await expect(editIndex.getByLabel('Kind')).toHaveValue('index');
  await editIndex.getByLabel('Name', { exact: true }).fill('Hang Seng');
  await editIndex.getByLabel('Name', { exact: true }).press('Enter');
  await page.getByRole('dialog', { name: '^HSI saved' }).getByRole('button', { name: 'Not now' }).click();
  await expect(manage.getByRole('row', { name: '^HSI' })).toContainText('Hang Seng');
  await manage.getByRole('button', { name: 'Delete ^HSI' }).click();
  await manage.getByRole('button', { name: 'Delete ^HSI' }).click();
  await expect(manage.getByRole('row', { name: '^HSI' })).toHaveCount(0);
  await manage.getByLabel('Filter securities').press('Escape');
  await expect(manage).toBeHidden();

  // The stored 淘宝 story is now linked to 9988.HK, by the new alias.
  await nav.getByRole('button', { name: 'News' }).click();
  await list.getByRole('button', { name: /淘宝 sales hit a record/ }).click();
  await expect(detail.getByRole('heading', { name: '淘宝 sales hit a record' })).toBeVisible();
  await expect(detail.getByTestId('link-9988.HK')).toContainText('“淘宝” in the headline');
  await list.getByRole('button', { name: /阿里 unveils new cloud chips/ }).click();
  await expect(detail.getByRole('heading', { name: '阿里 unveils new cloud chips' })).toBeVisible();

  // Edit the event: the API's message shows under its field, then the new headline reaches the list.
  await detail.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form', { name: 'Edit news event' });
  await expect(form.getByLabel('Headline')).toHaveValue('阿里 unveils new cloud chips');
  await expect(form.getByLabel('Source')).toHaveValue('Caixin');
  await form.getByLabel('Web address (optional)').fill('caixin.com/article');
  await form.getByLabel('Web address (optional)').press('Enter');
  await expect(form.locator('#edit-err-url')).toHaveText('Use a full web address starting with http:// or https://.');
  await form.getByLabel('Web address (optional)').fill('https://www.caixinglobal.com/2026-01-12/chips');
  await expect(form.locator('#edit-err-url')).toHaveCount(0);
  await form.getByLabel('Headline').fill('阿里 cloud unit unveils AI chips');
  await form.getByLabel('Tags (optional)').fill('cloud, chips');
  await form.getByLabel('Time (optional)').fill('09:30');
  await form.getByLabel('Time zone').selectOption('Asia/Hong_Kong');
  await app.screenshot('edit-news-event');
  await form.getByLabel('Headline').press('Enter');
  await expect(form).toBeHidden();
  await expect(detail.getByRole('heading', { name: '阿里 cloud unit unveils AI chips' })).toBeVisible();
  await expect(detail.locator('.news-detail-meta')).toContainText('cloud');
  await expect(detail.getByRole('link', { name: 'Open original ↗' })).toHaveAttribute('href', 'https://www.caixinglobal.com/2026-01-12/chips');
  await expect(detail.getByTestId('link-9988.HK')).toBeVisible();
  await expect(list.getByRole('button', { name: /阿里 cloud unit unveils AI chips/ })).toBeVisible();
  await expect(list.getByRole('button', { name: /阿里 unveils new cloud chips/ })).toHaveCount(0);
  await app.screenshot('edit-news-saved');

  // Esc leaves the edit form without saving.
  await detail.getByRole('button', { name: 'Edit', exact: true }).click();
  await form.getByLabel('Headline').fill('Not saved');
  await form.getByLabel('Headline').press('Escape');
  await expect(detail.getByRole('heading', { name: '阿里 cloud unit unveils AI chips' })).toBeVisible();
});
