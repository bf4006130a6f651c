import type { Page } from '@playwright/test';
import { createWorkspace, expect } from './fixtures';

/**
 * A workspace with a record in each kind of register (an AI system with an impact assessment, a risk,
 * an own control, a document), and the address of every page of it: lists, records, print views.
 * The specs that must cover every page (axe, the skip link) take their list from here.
 */
export async function workspaceWithEveryPage(page: Page, name: string): Promise<{ ws: string; pages: string[] }> {
  await createWorkspace(page, name);
  const ws = page.url();

  await page.goto(ws + '/systems');
  await page.getByLabel('Name of the new AI system').fill('Claims triage');
  await page.getByRole('button', { name: 'Add AI system' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Claims triage' })).toBeVisible();
  const system = page.url();
  await page.getByRole('button', { name: 'Start an impact assessment' }).click();
  await expect(page).toHaveURL(/\/assessments\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const assessment = page.url();
  await page.goto(ws + '/risks');
  await page.getByLabel('Title of the new risk').fill('Unfair refusals');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'R-001 Unfair refusals' })).toBeVisible();
  const risk = page.url();
  await page.goto(ws + '/controls');
  await page.getByLabel('Name of the new control').fill('Release checklist');
  await page.getByRole('button', { name: 'Add control' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Release checklist' })).toBeVisible();
  const control = page.url();
  await page.goto(ws + '/cycle/document');
  await page.locator('#new-document').fill('AI policy');
  await page.locator('#new-document').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /AI policy/ })).toBeVisible();
  const record = page.url();

  const pages = [
    ws,
    ws + '/item/6.1.2',
    ws + '/soa',
    ws + '/soa/print',
    ws + '/profile',
    ws + '/systems',
    system,
    ws + '/risks',
    risk,
    ws + '/risks/print',
    ws + '/criteria',
    ws + '/controls',
    control,
    ws + '/assessments',
    assessment,
    assessment + '/print',
    ws + '/exchange',
    ws + '/cycle',
    ws + '/cycle/document',
    record,
    ws + '/tasks',
    ws + '/readiness',
    ws + '/readiness/print',
    ws + '/history',
    ws + '/trash',
    ws + '/crosswalks',
  ];
  return { ws, pages };
}
