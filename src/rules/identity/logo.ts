import { localized } from '../../diagnostics/diagnostic.js';
import type { FileRule } from '../rule.js';

const IMAGE_EXTENSION = /\.(?:png|jpe?g|svg)$/i;
const KIND_NAME = { png: 'PNG', jpeg: 'JPEG', svg: 'SVG' } as const;

/** 'Logo:' names a PNG, JPEG or SVG file that exists, relative to the .sop file. */
export const logoRule: FileRule = {
  meta: {
    id: 'identity/logo',
    description: localized(
      "Berkas 'Logo:' tidak ada atau bukan gambar PNG, JPEG atau SVG.",
      "The 'Logo:' file does not exist or is not a PNG, JPEG or SVG image.",
    ),
    rationale: localized(
      'Logo instansi dicetak di kepala lembar identitas; berkas yang tidak ada atau bukan gambar membuat formulir tercetak tanpa logo.',
      "The office's logo is printed at the head of the identity sheet; a missing file, or one that is not an image, prints the form without it.",
    ),
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict'],
    scope: 'file',
    fixable: false,
  },
  create(context) {
    return {
      document(document) {
        const logo = document.identity.logo?.text;
        if (!logo) return;
        const path = logo.text.trim();
        const kind = context.settings.imageAt?.(path);
        if (kind === 'missing') {
          context.report({
            span: logo.span,
            message: localized(
              `Berkas logo '${path}' tidak ditemukan (dicari relatif terhadap berkas .sop ini).`,
              `The logo file '${path}' is not found (looked up relative to this .sop file).`,
            ),
            hint: localized(
              "tulis jalur berkas PNG, JPEG atau SVG relatif terhadap berkas .sop, mis. 'Logo: logo/pemkot.png'",
              "write the path of a PNG, JPEG or SVG file relative to the .sop file, e.g. 'Logo: logo/pemkot.png'",
            ),
          });
        } else if (kind === 'other' || (kind === undefined && !IMAGE_EXTENSION.test(path))) {
          context.report({
            span: logo.span,
            message: localized(`Logo '${path}' bukan gambar PNG, JPEG atau SVG.`, `The logo '${path}' is not a PNG, JPEG or SVG image.`),
            hint: localized('simpan logonya sebagai PNG, JPEG atau SVG dan tulis jalurnya', 'save the logo as a PNG, JPEG or SVG file and write its path'),
          });
        } else if (kind && !IMAGE_EXTENSION.test(path)) {
          // The bytes are an image, the name says otherwise: browsers and Word go by the name.
          context.report({
            span: logo.span,
            message: localized(
              `Logo '${path}' berisi gambar ${KIND_NAME[kind]}, tetapi namanya tidak berakhiran .png, .jpg atau .svg.`,
              `The logo '${path}' holds a ${KIND_NAME[kind]} image, but its name does not end in .png, .jpg or .svg.`,
            ),
            hint: localized(
              `ganti nama berkasnya dengan akhiran ${kind === 'jpeg' ? '.jpg' : `.${kind}`}`,
              `rename the file to end in ${kind === 'jpeg' ? '.jpg' : `.${kind}`}`,
            ),
          });
        }
      },
    };
  },
};
