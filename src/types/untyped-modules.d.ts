// Packages that ship no type declarations. Each is typed where it is wrapped, not here.
declare module 'edtf'
declare module '@citation-js/core'
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-ris'
declare module '@citation-js/plugin-csl'
declare module 'compromise-dates'
