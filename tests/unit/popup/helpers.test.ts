import { describe, expect, it } from 'vitest';
import { NoAnswerError, withAnswerTimeout } from '../../../components/popup/api';
import { describeChange } from '../../../components/popup/describeChange';
import {
  contactEdit,
  fieldEdit,
  isContactPartEdited,
  isFieldEdited,
  parseContactInput,
  parseFieldInput,
} from '../../../components/popup/fieldEdits';
import { applyHref, mailtoHref, telHref, webHref } from '../../../components/popup/links';
import { nextStage, otherStages } from '../../../components/popup/stageFlow';
import { visibleRange } from '../../../components/popup/virtualWindow';
import { makeOffer } from './support';

describe('nextStage', () => {
  it('walks the pipeline and stops at its end', () => {
    expect(nextStage('to-apply')).toBe('applied');
    expect(nextStage('applied')).toBe('followed-up');
    expect(nextStage('followed-up')).toBe('interview');
    expect(nextStage('interview')).toBe('offer');
    expect(nextStage('offer')).toBe('accepted');
    expect(nextStage('accepted')).toBeNull();
    expect(nextStage('rejected')).toBeNull();
    expect(nextStage('abandoned')).toBeNull();
  });

  it('offers every other stage, refusal and abandon included', () => {
    expect(otherStages('applied')).toEqual([
      'to-apply',
      'followed-up',
      'interview',
      'offer',
      'accepted',
      'rejected',
      'abandoned',
    ]);
  });
});

describe('field edits', () => {
  const page = makeOffer('x', {
    title: 'Développeur',
    organization: null,
    closesAt: '2026-03-20',
    contact: { email: 'a@b.fr', name: null, phone: null },
  });

  it('parses form text with the offer schema: blank is none, the title is required', () => {
    expect(parseFieldInput('organization', '  ')).toEqual({ ok: true, value: null });
    expect(parseFieldInput('title', ' ')).toEqual({ ok: false, reason: 'required' });
    expect(parseFieldInput('closesAt', '2026-02-30')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseFieldInput('contract', 'CDD')).toEqual({ ok: true, value: 'CDD' });
    expect(parseFieldInput('contract', 'CDI à vie')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseContactInput('email', 'pas une adresse')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseContactInput('phone', '')).toEqual({ ok: true, value: null });
  });

  it('an edit counts only while it differs from the page', () => {
    expect(fieldEdit('closesAt', '2026-03-25')).toEqual({ closesAt: '2026-03-25' });
    expect(isFieldEdited(page, { closesAt: '2026-03-25' }, 'closesAt')).toBe(true);
    expect(isFieldEdited(page, { closesAt: '2026-03-20' }, 'closesAt')).toBe(false);
    expect(isFieldEdited(page, { organization: null }, 'organization')).toBe(false);
    expect(isFieldEdited(page, {}, 'title')).toBe(false);
  });

  it('edits one part of the contact and keeps the others; back to the page sends the page’s contact', () => {
    const named = contactEdit(page, {}, 'name', 'Élodie');
    expect(named).toEqual({ contact: { email: 'a@b.fr', name: 'Élodie', phone: null } });
    expect(isContactPartEdited(page, named, 'name')).toBe(true);
    expect(isContactPartEdited(page, named, 'email')).toBe(false);
    expect(contactEdit(page, named, 'name', null)).toEqual({ contact: page.contact });
    expect(contactEdit(page, {}, 'email', null)).toEqual({ contact: null });
  });
});

describe('links from page text', () => {
  it('only http(s) pages, plain e-mail addresses and phone numbers become links', () => {
    expect(webHref('https://beta.gouv.fr/recrutement/x')).toBe('https://beta.gouv.fr/recrutement/x');
    expect(webHref('javascript:alert(1)')).toBeNull();
    expect(webHref('data:text/html,hi')).toBeNull();
    expect(mailtoHref('jean.dupont@anct.gouv.fr')).toBe('mailto:jean.dupont@anct.gouv.fr');
    expect(mailtoHref('a@b.fr?bcc=x@y.fr')).toBeNull();
    expect(telHref('+33 1 23 45 67 89')).toBe('tel:+33123456789');
    expect(telHref('appelez-nous')).toBeNull();
    expect(applyHref('mailto:rh@anct.gouv.fr')).toBe('mailto:rh@anct.gouv.fr');
    expect(applyHref('rh@anct.gouv.fr')).toBe('mailto:rh@anct.gouv.fr');
    expect(applyHref('https://www.welcometothejungle.com/fr/x')).toBe('https://www.welcometothejungle.com/fr/x');
    expect(applyHref('javascript:void(0)')).toBeNull();
  });
});

describe('describeChange', () => {
  const at = new Date(2026, 2, 12, 9, 0).toISOString();

  it('names the changes that matter in words', () => {
    expect(describeChange({ at, field: 'status', from: 'open', to: 'filled' }, 'fr')).toBe(
      'Poste pourvu le 12/03/2026',
    );
    expect(describeChange({ at, field: 'closesAt', from: '2026-03-01', to: '2026-03-15' }, 'fr')).toBe(
      'Date de clôture déplacée du 01/03/2026 au 15/03/2026 (vu le 12/03/2026)',
    );
    expect(describeChange({ at, field: 'closesAt', from: null, to: '2026-03-15' }, 'en')).toBe(
      'Closing date added: 15/03/2026 (seen on 12/03/2026)',
    );
  });

  it('never reads stored values it cannot trust as dates', () => {
    expect(describeChange({ at, field: 'closesAt', from: { evil: 1 }, to: 42 }, 'fr')).toBe(
      '« Date de clôture » a changé sur la page le 12/03/2026',
    );
  });
});

describe('visibleRange', () => {
  const base = { count: 10_000, rowPx: 100, viewportHeight: 600, overscan: 5 };

  it('renders the rows in view and a margin, whatever the list length', () => {
    expect(visibleRange({ ...base, listTop: 200 })).toEqual({ start: 0, end: 9 });
    expect(visibleRange({ ...base, listTop: -50_000 })).toEqual({ start: 495, end: 511 });
    expect(visibleRange({ ...base, listTop: -1_000_000 })).toEqual({ start: 9_995, end: 10_000 });
  });

  it('renders nothing for an empty list, only the margin for a list below the viewport', () => {
    expect(visibleRange({ ...base, count: 0, listTop: 0 })).toEqual({ start: 0, end: 0 });
    expect(visibleRange({ ...base, listTop: 5_000 })).toEqual({ start: 0, end: 5 });
  });
});

describe('withAnswerTimeout', () => {
  it('passes an answer or a refusal through, and turns silence into a NoAnswerError', async () => {
    await expect(withAnswerTimeout(Promise.resolve(3), 50)).resolves.toBe(3);
    await expect(withAnswerTimeout(Promise.reject(new Error('refused')), 50)).rejects.toThrow('refused');
    await expect(withAnswerTimeout(new Promise(() => undefined), 10)).rejects.toBeInstanceOf(NoAnswerError);
  });
});
