// The Chinese edition's search page: Sphinx 8's searchtools.js reports results in words its own
// zh_CN catalogue does not hold yet (it has the older "page(s)" wording), so they are added to
// the catalogue here, after translations.js (Documentation.addTranslations merges).
Documentation.addTranslations({
  locale: "zh_Hans_CN",
  plural_expr: "0",
  messages: {
    "Search finished, found one page matching the search query.": ["搜索完成，找到 ${resultCount} 个匹配的页面。"],
  },
});
