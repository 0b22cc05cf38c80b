/**
 * The fonts the printed booklet embeds: Debian's Noto Sans CJK (package fonts-noto-cjk, which
 * scripts/install-system-packages.sh installs), traditional-Chinese faces of its collections.
 * pdfkit embeds only the glyphs the booklet uses.
 */
export interface BookletFonts {
  readonly regularPath: string;
  readonly regularName: string;
  readonly boldPath: string;
  readonly boldName: string;
}

export const NOTO_SANS_CJK_TC: BookletFonts = {
  regularPath: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  regularName: 'NotoSansCJKtc-Regular',
  boldPath: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  boldName: 'NotoSansCJKtc-Bold',
};
