// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { createWorkspace } from '../../src/db/workspaces-repo';
import type { Catalog } from '../../src/domain/catalog-model';
import type { Workspace } from '../../src/domain/workspace-schema';
import { loadMessages, setLocale } from '../../src/i18n/i18n';
import DashboardPage from '../../src/pages/DashboardPage.svelte';
import PrintReportHeader from '../../src/pages/PrintReportHeader.svelte';
import SoaPage from '../../src/pages/SoaPage.svelte';
import type { WorkspaceData } from '../../src/state/workspace.svelte';
import TitlesNote from '../../src/ui/TitlesNote.svelte';
import { freshDatabase } from '../support/db';

/**
 * Clause and control titles in Chinese are our own translation: every page that lists them says so,
 * in words (not only a mark), and the English pages, whose titles are the standard's, say nothing.
 */
const ZH_LINE = /条款和控制措施标题为[^。]*非官方译文/;
const ZH_ITEM = /标题为非官方译文/;
const ANY_NOTE = /unofficial|非官方/i;

let ws: Workspace;

async function inLanguage(l: 'en' | 'zh-CN'): Promise<Catalog> {
  await setLocale(l, { remember: false });
  await loadMessages();
  return loadCatalog(l);
}

function dataOf(workspace: Workspace): WorkspaceData {
  return { id: workspace.id, workspace, loaded: true, answers: new Map(), evidence: [], saving: false, unsaved: false, save: () => {} };
}

beforeEach(async () => {
  await freshDatabase();
  const w = await createWorkspace('示例公司', '1.0.0');
  if (!w.ok) throw new Error(w.code);
  ws = w.value;
});

afterEach(async () => {
  cleanup();
  await setLocale('en', { remember: false });
});

describe('TitlesNote', () => {
  it('says in Chinese that the titles are an unofficial translation, as text a screen reader reads', async () => {
    const catalog = await inLanguage('zh-CN');
    expect(catalog.titlesUnofficial).toBe(true);
    render(TitlesNote, { catalog });
    const note = await screen.findByTestId('titles-unofficial');
    expect(note.textContent).toMatch(ZH_LINE);
    expect(note.getAttribute('aria-hidden')).toBeNull();
  });

  it('has a short form for one item’s title', async () => {
    render(TitlesNote, { catalog: await inLanguage('zh-CN'), variant: 'item' });
    expect((await screen.findByTestId('titles-unofficial')).textContent).toMatch(ZH_ITEM);
  });

  it('shows nothing with the English catalog, whose titles are the standard’s', async () => {
    const catalog = await inLanguage('en');
    expect(catalog.titlesUnofficial).toBe(false);
    const { container } = render(TitlesNote, { catalog });
    await new Promise((r) => setTimeout(r, 20));
    expect(container.textContent?.trim()).toBe('');
  });
});

describe('where titles are listed', () => {
  it('every printed report carries the note in its header in Chinese, and none in English', async () => {
    const back = { href: '#/', page: '仪表板' };
    render(PrintReportHeader, { catalog: await inLanguage('zh-CN'), workspace: ws, title: '适用性声明', back });
    const header = document.querySelector('header.report-head')!;
    expect(header.contains(await screen.findByTestId('titles-unofficial'))).toBe(true);
    expect(header.textContent).toMatch(ZH_LINE);
    cleanup();
    render(PrintReportHeader, { catalog: await inLanguage('en'), workspace: ws, title: 'Statement of Applicability', back });
    await new Promise((r) => setTimeout(r, 20));
    expect(document.querySelector('header.report-head')!.textContent).not.toMatch(ANY_NOTE);
  });

  it('the dashboard (clause and objective titles) loads the note in Chinese only', async () => {
    const zh = await inLanguage('zh-CN');
    render(DashboardPage, { catalog: zh, data: dataOf(ws), workspace: ws });
    expect((await screen.findByTestId('titles-unofficial')).textContent).toMatch(ZH_LINE);
    expect(screen.getByTestId('group-4').textContent).toContain(zh.byId.get('4')!.title);
    cleanup();
    render(DashboardPage, { catalog: await inLanguage('en'), data: dataOf(ws), workspace: ws });
    await screen.findByTestId('group-4');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('titles-unofficial')).toBeNull();
    expect(document.body.textContent).not.toMatch(ANY_NOTE);
  });

  it('the Statement of Applicability loads the note in Chinese only', async () => {
    render(SoaPage, { catalog: await inLanguage('zh-CN'), data: dataOf(ws), workspace: ws });
    expect((await screen.findByTestId('titles-unofficial')).textContent).toMatch(ZH_LINE);
    cleanup();
    render(SoaPage, { catalog: await inLanguage('en'), data: dataOf(ws), workspace: ws });
    await screen.findByTestId('soa-row-A.2.2');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('titles-unofficial')).toBeNull();
  });
});
