import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { EditionContent, EditionOffer } from '../edition-content';
import { benefitText, windowText } from '../benefit-text';
import type { BookletFonts } from './booklet-fonts';
import { categoryLabel } from './category-labels';

export interface EditionPdfInput {
  readonly content: EditionContent;
  readonly editionNumber: number;
  /** The edition's public web page, printed and in the cover's QR code. */
  readonly publicUrl: string;
  readonly currency: string;
  readonly fonts: BookletFonts;
  /** The centre's name on the cover. */
  readonly centreName: string;
  /** The programme's tier names by code (金卡 for gold); a code without a name prints as it is. */
  readonly tierNames: ReadonlyMap<string, string>;
}

// A5 portrait, in PDF points.
const PAGE = { width: 419.53, height: 595.28 };
const MARGIN = 36;
const TEXT_WIDTH = PAGE.width - 2 * MARGIN;
const INDEX_LINE = 13;

type Doc = InstanceType<typeof PDFDocument>;

function heading(doc: Doc, text: string, size: number): void {
  doc.font('bold').fontSize(size).fillColor('#7a1f2b').text(text, { width: TEXT_WIDTH });
  doc.moveDown(0.3).fillColor('#000000');
}

function cover(doc: Doc, input: EditionPdfInput, qr: Buffer): void {
  doc.font('bold').fontSize(30).fillColor('#7a1f2b').text('會員惠集', MARGIN, 110, { width: TEXT_WIDTH, align: 'center' });
  doc.font('regular').fontSize(14).fillColor('#000000').text('Member Booklet', { width: TEXT_WIDTH, align: 'center' });
  doc.moveDown(1).fontSize(12).text(input.centreName, { width: TEXT_WIDTH, align: 'center' });
  doc.text(`第 ${input.editionNumber} 期 · Edition ${input.editionNumber} · ${input.content.asOf}`, { width: TEXT_WIDTH, align: 'center' });
  doc.text(`${input.content.offers.length} 項優惠 offers`, { width: TEXT_WIDTH, align: 'center' });
  const size = 130;
  doc.image(qr, (PAGE.width - size) / 2, 330, { width: size, height: size });
  doc.fontSize(8).text(input.publicUrl, MARGIN, 330 + size + 8, { width: TEXT_WIDTH, align: 'center', link: input.publicUrl });
}

function offerBlock(doc: Doc, offer: EditionOffer, input: EditionPdfInput): void {
  const { currency } = input;
  const tenantLine = `${offer.tenant.brand}  ${offer.tenant.unit}`;
  const when = [windowText(offer.window, 'zh-Hant'), offer.tiers.length > 0 ? `適用：${offer.tiers.map((tier) => input.tierNames.get(tier) ?? tier).join('、')}` : '全體會員'].filter((part) => part !== '').join(' · ');
  const lines = [
    `${benefitText(offer.benefit, 'zh-Hant', currency)} · ${benefitText(offer.benefit, 'en', currency)}`,
    `${when} · ${offer.validFrom} – ${offer.lastDay}${offer.capPerMember !== undefined ? ` · 每位會員限 ${offer.capPerMember} 次` : ''}`,
    offer.terms['zh-Hant'],
    offer.terms.en,
  ];
  const body = lines.join('\n');
  doc.font('regular').fontSize(8.5);
  const needed = doc.heightOfString(body, { width: TEXT_WIDTH }) + 20;
  if (doc.y + needed > PAGE.height - MARGIN) doc.addPage();
  doc.font('bold').fontSize(10.5).text(tenantLine, { width: TEXT_WIDTH });
  doc.font('regular').fontSize(8.5).text(body, { width: TEXT_WIDTH });
  doc.moveDown(0.6);
}

/** How many lines the two indexes take: a heading per group and a line per tenant in it. */
function indexEntries(content: EditionContent, byId: ReadonlyMap<string, EditionOffer>): { title: string; lines: { text: string; offerId: string }[] }[] {
  const tenantLines = (offerIds: readonly string[]) => {
    const seen = new Set<string>();
    return offerIds.flatMap((id) => {
      const offer = byId.get(id);
      if (!offer || seen.has(offer.tenant.tenantId)) return [];
      seen.add(offer.tenant.tenantId);
      return [{ text: `${offer.tenant.brand}  ${offer.tenant.unit}`, offerId: id }];
    });
  };
  return [
    ...content.byFloor.map((group) => ({ title: `${group.key} 樓層 Floor`, lines: tenantLines(group.offerIds) })),
    ...content.byCategory.map((group) => ({ title: `${categoryLabel(group.key, 'zh-Hant')} ${categoryLabel(group.key, 'en')}`, lines: tenantLines(group.offerIds) })),
  ];
}

/**
 * The print-ready PDF of an edition: A5, a cover with the QR code of the web page, an index by
 * floor and by category with page numbers, then the offers by category, Chinese and English,
 * CJK glyphs embedded.
 */
export async function renderEditionPdf(input: EditionPdfInput): Promise<Buffer> {
  const qr = await QRCode.toBuffer(input.publicUrl, { type: 'png', margin: 1, width: 400, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({ size: [PAGE.width, PAGE.height], margin: MARGIN, bufferPages: true, autoFirstPage: true, info: { Title: `會員惠集 Member Booklet ${input.editionNumber}`, Author: input.centreName } });
  doc.registerFont('regular', input.fonts.regularPath, input.fonts.regularName);
  doc.registerFont('bold', input.fonts.boldPath, input.fonts.boldName);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  cover(doc, input, qr);

  // Index pages are kept empty now and filled once the offers' pages are known.
  const byId = new Map(input.content.offers.map((offer) => [offer.offerId, offer]));
  const index = indexEntries(input.content, byId);
  const linesPerPage = Math.floor((PAGE.height - 2 * MARGIN - 30) / INDEX_LINE);
  const indexLines = index.reduce((sum, section) => sum + section.lines.length + 2, 0);
  const indexPages = Math.max(1, Math.ceil(indexLines / linesPerPage));
  const firstIndexPage = 1;
  for (let page = 0; page < indexPages; page += 1) doc.addPage();

  const pageOf = new Map<string, number>();
  for (const group of input.content.byCategory) {
    doc.addPage();
    heading(doc, `${categoryLabel(group.key, 'zh-Hant')}  ${categoryLabel(group.key, 'en')}`, 15);
    for (const offerId of group.offerIds) {
      const offer = byId.get(offerId);
      if (!offer) continue;
      offerBlock(doc, offer, input);
      pageOf.set(offerId, doc.bufferedPageRange().start + doc.bufferedPageRange().count);
    }
  }

  let page = firstIndexPage;
  doc.switchToPage(page);
  doc.x = MARGIN;
  doc.y = MARGIN;
  heading(doc, '索引 Index', 15);
  for (const section of index) {
    for (const [position, line] of [{ text: section.title, offerId: '' }, ...section.lines].entries()) {
      if (doc.y + INDEX_LINE * (position === 0 ? 2 : 1) > PAGE.height - MARGIN && page < firstIndexPage + indexPages - 1) {
        page += 1;
        doc.switchToPage(page);
        doc.y = MARGIN;
      }
      if (position === 0) {
        doc.font('bold').fontSize(9.5).text(line.text, MARGIN, doc.y + 4, { width: TEXT_WIDTH, lineBreak: false });
      } else {
        const y = doc.y;
        doc.font('regular').fontSize(8.5).text(line.text, MARGIN + 8, y, { width: TEXT_WIDTH - 48, lineBreak: false, ellipsis: true });
        doc.text(String(pageOf.get(line.offerId) ?? ''), MARGIN, y, { width: TEXT_WIDTH, align: 'right', lineBreak: false });
      }
      doc.y += 2;
    }
  }

  const range = doc.bufferedPageRange();
  for (let number = 1; number < range.count; number += 1) {
    doc.switchToPage(number);
    // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(7).fillColor('#666666').text(`會員惠集 · ${input.content.asOf} · ${number + 1}`, MARGIN, PAGE.height - MARGIN + 12, { width: TEXT_WIDTH, align: 'center', lineBreak: false });
    doc.fillColor('#000000');
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
