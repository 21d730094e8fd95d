/**
 * PDFs for the preview tests and bench, built here so each case says what it holds: a
 * two-page PDF that tries to run script when opened and links to a remote page, one locked
 * by a password, a long plain document, and mail to carry them.
 */

/** A PDF of the given objects (1-based, object 1 the catalog) with a correct xref table. */
function pdfOf(objects: string[], trailer = ''): Buffer {
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const stream = (text: string) => `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`;

/** Two pages; opening runs app.alert and submits to a remote URL if a viewer lets it; page 1 links out. */
export function hostilePdf(): Buffer {
  const page = (contents: number, extra = '') =>
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${contents} 0 R /Resources << /Font << /F1 7 0 R >> >> ${extra}>>`;
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 8 0 R /Names << /JavaScript << /Names [(x) 8 0 R] >> >> >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
    page(5, '/Annots [9 0 R] '),
    page(6),
    stream('BT /F1 28 Tf 72 700 Td (Quarterly report, page one) Tj ET\n0 0 1 rg 72 600 300 40 re f'),
    stream('BT /F1 28 Tf 72 700 Td (Page two) Tj ET'),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    "<< /S /JavaScript /JS (app.alert\\('pdf script ran'\\); this.submitForm\\('http://127.0.0.1:9/pdf-js'\\);) >>",
    '<< /Type /Annot /Subtype /Link /Rect [72 600 372 640] /Border [0 0 0] /A << /S /URI /URI (http://127.0.0.1:9/pdf-link) >> >>',
  ]);
}

/** A text document of `pages` US Letter pages, about 40 lines each (for the preview bench). */
export function textPdf(pages: number): Buffer {
  const line = 'Quarterly figures, a line of ordinary report text with numbers 1234.56 and 7890.12';
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: string[] = [];
  for (let i = 0; i < pages; i += 1) {
    const text = Array.from({ length: 40 }, (_, l) => `BT /F1 10 Tf 56 ${740 - l * 17} Td (${i + 1}.${l + 1} ${line}) Tj ET`).join('\n');
    objects.push(stream(text));
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${objects.length} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  return pdfOf(objects);
}

/**
 * A PDF under the standard security handler whose empty user password does not match
 * (its /U is not derived from it), so a reader must ask for a password.
 */
export function lockedPdf(): Buffer {
  const hex = (byte: string, count: number) => `<${byte.repeat(count)}>`;
  return pdfOf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
      `<< /Filter /Standard /V 1 /R 2 /O ${hex('5a', 32)} /U ${hex('c3', 32)} /P -4 >>`,
    ],
    `/Encrypt 4 0 R /ID [${hex('01', 16)} ${hex('01', 16)}] `,
  );
}

export function mailWithAttachment(subject: string, filename: string, mimeType: string, bytes: Buffer): string {
  const boundary = 'skimmer-pdf-test';
  return [
    'From: Records Office <records@example.org>',
    'To: demo@example.com',
    `Subject: ${subject}`,
    'Date: Tue, 01 Dec 2026 09:00:00 +0000',
    `Message-ID: <${subject.replace(/\W+/g, '-')}@example.org>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset="UTF-8"',
    '',
    `${subject}: the file is attached.`,
    `--${boundary}`,
    `Content-Type: ${mimeType}; name="${filename}"`,
    `Content-Disposition: attachment; filename="${filename}"`,
    'Content-Transfer-Encoding: base64',
    '',
    bytes.toString('base64').replace(/.{76}/g, '$&\r\n'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
