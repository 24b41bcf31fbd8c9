import type { Page } from '@playwright/test';

/**
 * Text cut off by its box, for the German specs (German words are long: "Einstandswert",
 * "Kursentwicklung"): cards, tables and dialogs wider than their box, buttons, labels, headings
 * and badges whose text is wider than they are, selects whose chosen option does not fit, and
 * empty fields whose hint does not fit. Each found as a sentence naming the element.
 */
export async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main .table-wrap, main .card, main table, [role="dialog"]')) {
      if (el.offsetParent === null) continue;
      if (el.scrollWidth > el.clientWidth + 1) found.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} is ${el.scrollWidth} px wide in ${el.clientWidth} px`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('button, label, th, h1, h2, h3, .badge, .stat-label, .nav-item')) {
      if (el.offsetParent === null) continue;
      if (el.scrollWidth > el.clientWidth + 1) found.push(`${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 60)}” needs ${el.scrollWidth} px, has ${el.clientWidth}`);
    }
    const ctx = document.createElement('canvas').getContext('2d');
    for (const el of document.querySelectorAll<HTMLSelectElement>('select')) {
      if (el.offsetParent === null || !ctx) continue;
      const style = getComputedStyle(el);
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = el.selectedOptions[0]?.textContent ?? '';
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      if (ctx.measureText(text).width > room) found.push(`select “${text}” is cut`);
    }
    // An empty field's hint is cut without any overflow to measure: its text against the room inside.
    for (const el of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      if (el.offsetParent === null || el.value !== '' || !ctx) continue;
      const style = getComputedStyle(el);
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (ctx.measureText(el.placeholder).width > room) found.push(`placeholder “${el.placeholder}” is cut`);
    }
    return found;
  });
}
