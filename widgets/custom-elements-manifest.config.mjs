/**
 * Generates `widgets/custom-elements.json`, the machine-readable public API of every element
 * (attributes, properties, events, slots, parts, CSS properties) from the classes' JSDoc and Lit
 * decorators. Editors, docs and the README's tables read it; `npm run build` regenerates it and
 * it is committed, so a change to an element's API shows up in review.
 *
 * The base classes are analysed too: AcctElement's `lang`, `server` and `theme` attributes and the
 * theme's `--acct-*` properties then appear on every element as inherited members (through
 * AccountElement for the account lists).
 */

/**
 * Elements register through the base class, `AcctLogin.define('acct-login')` in each define.ts,
 * which the analyzer does not recognise: it only knows `customElements.define('tag', Class)`, and
 * reads the base class's own `customElements.define(tag, this)` as an element named "tag". This
 * plugin records each `X.define('acct-…')` call as the definition it is (so the manifest says which
 * module registers each tag) and drops definitions whose name is not a custom-element name.
 */
function acctDefineCalls() {
  const calls = [];
  return {
    name: 'acct-define-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
      const { expression: target, name } = node.expression;
      const [tag] = node.arguments;
      if (name.text !== 'define' || !ts.isIdentifier(target) || target.text === 'customElements') return;
      if (tag && ts.isStringLiteral(tag) && tag.text.includes('-')) {
        calls.push({ path: moduleDoc.path, tag: tag.text, className: target.text });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      for (const mod of modules) {
        mod.exports = mod.exports?.filter((e) => e.kind !== 'custom-element-definition' || e.name.includes('-'));
      }
      for (const { path, tag, className } of calls) {
        const home = modules.find((m) => m.declarations?.some((d) => d.name === className));
        const mod = modules.find((m) => m.path === path);
        mod.exports = [
          ...(mod.exports ?? []),
          {
            kind: 'custom-element-definition',
            name: tag,
            declaration: { name: className, module: home?.path ?? path },
          },
        ];
      }
      // The analyzer lists modules in the order its globs happen to return them, which changes
      // from run to run; sorted by path, the committed file only changes when an element does.
      modules.sort((a, b) => (a.path < b.path ? -1 : 1));
    },
  };
}

export default {
  // The base classes too, so that their members show as inherited on every element.
  globs: [
    'widgets/src/elements/**/*.ts',
    'widgets/src/core/acct-element.ts',
    'widgets/src/core/account-element.ts',
    'widgets/src/core/onboarding-element.ts',
  ],
  exclude: ['**/*.test.ts', '**/*.styles.ts'],
  outdir: 'widgets',
  litelement: true,
  // The analyzer would otherwise add a "customElements" field to the root package.json.
  packagejson: false,
  plugins: [acctDefineCalls()],
};
