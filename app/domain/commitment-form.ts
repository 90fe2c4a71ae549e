/**
 * The commitment form for an MP to sign, with pdf-lib: the admin's uploaded PDF with the
 * MP's name and constituency stamped at the top of its first page, or, without an upload
 * (or one pdf-lib cannot open), a clean one-page form made from the campaign's asks.
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import type { CampaignAsk } from "./campaign";

export type CommitmentFormInput = {
  title: string;
  asks: CampaignAsk[];
  signedFormsTo: string;
  uploaded: Uint8Array | null;
  mp: { name: string; constituency: string } | null;
};

// The standard PDF fonts only encode WinAnsi: anything else becomes a plain stand-in.
function safe(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/[^\x20-\x7e]/g, "?");
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of safe(text).split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function stamp(page: PDFPage, font: PDFFont, mp: { name: string; constituency: string }) {
  const { width, height } = page.getSize();
  const text = safe(`For ${mp.name}, Member of Parliament for ${mp.constituency}`);
  page.drawRectangle({ x: 0, y: height - 30, width, height: 30, color: rgb(1, 1, 1) });
  page.drawText(text, { x: 36, y: height - 20, size: 11, font, color: rgb(0.04, 0.05, 0.05) });
}

export async function commitmentFormPdf(input: CommitmentFormInput): Promise<Uint8Array> {
  if (input.uploaded) {
    try {
      const doc = await PDFDocument.load(input.uploaded);
      if (input.mp && doc.getPageCount() > 0) {
        const bold = await doc.embedFont(StandardFonts.HelveticaBold);
        stamp(doc.getPage(0), bold, input.mp);
        doc.setTitle(safe(`${input.title}: commitment form for ${input.mp.name}`));
      }
      return await doc.save();
    } catch {
      // An encrypted or damaged upload: the clean form below still serves the supporter.
    }
  }
  const doc = await PDFDocument.create();
  doc.setTitle(safe(`${input.title}: commitment form${input.mp ? ` for ${input.mp.name}` : ""}`));
  const page = doc.addPage([595.28, 841.89]); // A4
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const margin = 56;
  const width = page.getWidth() - margin * 2;
  let y = page.getHeight() - margin;
  const write = (text: string, font: PDFFont, size: number, gap = 4) => {
    for (const line of wrap(text, font, size, width)) {
      page.drawText(line, { x: margin, y, size, font });
      y -= size + gap;
    }
  };
  write(input.title, bold, 18);
  y -= 8;
  write("Commitment form", bold, 14);
  y -= 12;
  const who = input.mp ? `I, ${input.mp.name}, Member of Parliament for ${input.mp.constituency},` : "I, ______________________, Member of Parliament for ______________________,";
  write(`${who} commit to:`, regular, 12);
  y -= 6;
  input.asks.forEach((ask, i) => {
    write(`${i + 1}. ${ask.title}`, bold, 12);
    if (ask.body) write(ask.body, regular, 11);
    y -= 6;
  });
  y -= 24;
  write("Signed: ________________________________    Date: ______________", regular, 12);
  y -= 12;
  if (input.signedFormsTo) write(`Please return the signed form to: ${input.signedFormsTo}`, regular, 11);
  return doc.save();
}
