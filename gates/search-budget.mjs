#!/usr/bin/env node
// search-budget.mjs SITE [N] — what a one-word query loads of SITE's search
// index (theme/search/), with nothing but node: each of the N (default
// 1,000) terms on the most pages is typed as a query, planned and ranked by
// the site's own theme/search.js, and the bytes of the files it loads for
// the first page of results (the manifest, the term shards, the document
// files) are added up. Prints the largest; exits 1 when it is over the
// budget (1 MB), 2 on usage or a site without an index. The search gate
// runs the same check.
import { siteArg } from './lib/site.mjs';
import { BUDGET, openIndex, worstQuery } from './lib/search-index.mjs';

const site = siteArg('search-budget.mjs', process.argv[2]);
const n = Number(process.argv[3] || 1000);
const index = openIndex(site);
if (!index) {
  console.error(`search-budget.mjs: no search index in ${site}/theme/search/`);
  process.exit(2);
}
const worst = worstQuery(index, n);
if (!worst) {
  console.log('search-budget: the index holds no term');
  process.exit(0);
}
console.log(`search-budget: ${worst.tried} one-word queries on ${index.manifest.docs} pages; the largest, "${worst.term}", `
  + `loads ${worst.bytes} bytes in ${worst.files.length} files (${worst.files.join(' ')}); ${worst.results.length} results; budget ${BUDGET}`);
process.exit(worst.bytes <= BUDGET ? 0 : 1);
