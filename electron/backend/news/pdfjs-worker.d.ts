/** pdfjs-dist ships no types for its worker module; only its presence matters (pdf-reader.ts hands it to PDF.js). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
