/**
 * Issue 11: "Expiring soon" at the top of the workspace. Certificates are issued through the Issue
 * form with validities of 1 to 365 days; the page's clock (Date only, timers untouched) is then set
 * 3.5 days ahead and the app reloaded, so one certificate has expired, some end within 30 days and
 * some are fine, and the section must list exactly the ones within 30 days, soonest first, leaving
 * out the expired, the fine, and a revoked one. The table's badges say the same in words.
 */
import { test, expect } from './fixtures.ts';

const DAY_MS = 86_400_000;
/** Half a day past whole days: a validity of N days then has N - 4 whole days left, whatever the test's own seconds. */
const AHEAD_MS = 3.5 * DAY_MS;

/** CN, validity in days, and what the workspace should say 3.5 days later. */
const CERTIFICATES = [
  { cn: 'gone', days: 1, badges: ['expired'] },
  { cn: 'soon-6', days: 6, badges: ['2 days left'] },
  { cn: 'revoked-10', days: 10, badges: ['6 days left', 'revoked'] },
  { cn: 'edge-33', days: 33, badges: ['29 days left'] },
  { cn: 'edge-35', days: 35, badges: ['valid'] },
  { cn: 'fine-365', days: 365, badges: ['valid'] },
];

test('Expiring soon lists exactly the certificates within 30 days, soonest first; the badges say expired, days left, valid', async ({
  app,
  authorities,
  issue,
  workspace,
  page,
}) => {
  await app.open();
  await app.goTo('Authorities');
  await authorities.createRoot('Clock Root');
  await app.goTo('Issue');
  for (const c of CERTIFICATES) {
    await issue.fill({ ca: 'Clock Root', profile: 'client', cn: c.cn });
    await issue.form.getByLabel('Validity (days)').fill(String(c.days));
    await issue.form.getByRole('button', { name: 'Issue certificate' }).click();
    await expect(issue.result).toContainText(`CN=${c.cn}`, { timeout: 30_000 });
  }
  await app.goTo('Workspace');
  await workspace.item('revoked-10').getByRole('button', { name: 'Revoke revoked-10' }).click();
  // A dialog that destroys something opens on Cancel, not on its first control.
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke revoked-10' }).click();
  await expect(workspace.item('revoked-10')).toContainText('revoked');

  await page.clock.setFixedTime(Date.now() + AHEAD_MS);
  await app.reload();
  await app.goTo('Workspace');

  const soon = page.getByRole('list', { name: 'Expiring soon' }).getByRole('listitem');
  await expect(soon).toHaveText([
    /^soon-6 in 2 days, issued by Clock Root$/,
    /^edge-33 in 29 days, issued by Clock Root$/,
  ]);
  for (const c of CERTIFICATES) await expect(workspace.item(c.cn).locator('.badge'), c.cn).toHaveText(c.badges);
  await expect(workspace.item('Clock Root').locator('.badge')).toHaveText(['valid']);

  // The status filter agrees with the section (and keeps the revoked one, which the section leaves out).
  const status = page.getByLabel('Status', { exact: true });
  await status.selectOption({ label: 'Expiring within 30 days' });
  await expect(workspace.items().getByRole('rowheader')).toHaveText(['edge-33', 'revoked-10', 'soon-6']);
  await status.selectOption({ label: 'Expired' });
  await expect(workspace.items().getByRole('rowheader')).toHaveText(['gone']);
});
