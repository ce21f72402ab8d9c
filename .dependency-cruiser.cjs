// The layering as a check (docs/architecture.md): pages → services → domain, no cycles.
// `npm run lint:deps` fails on any violation; it is part of `npm test`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import cycle makes modules impossible to read or test one at a time.",
      from: {},
      to: { circular: true },
    },
    {
      name: "domain-is-pure",
      severity: "error",
      comment: "lib/domain holds the rules: no framework, no database, no server code.",
      from: { path: "^lib/domain/" },
      to: {
        path: [
          "^node_modules/(next|react|react-dom|@prisma|prisma|pg|next-auth|next-intl)/",
          "^lib/server/",
          "^lib/generated/",
          "^app/",
          "^components/",
        ],
      },
    },
    {
      name: "validation-is-pure",
      severity: "error",
      comment: "lib/validation is shared by the browser and the server: no server code.",
      from: { path: "^lib/validation/" },
      to: {
        path: ["^node_modules/(@prisma|prisma|pg)/", "^lib/server/", "^lib/generated/", "^app/"],
      },
    },
    {
      name: "pages-use-services",
      severity: "error",
      comment:
        "Pages, actions, route handlers and components reach the database only through a service.",
      from: { path: "^(app|components)/" },
      to: {
        path: ["^node_modules/(@prisma|prisma|pg)/", "^lib/generated/", "^lib/server/db\\.ts$"],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "components-not-routes",
      severity: "error",
      comment: "Components are shared by routes; a route's files are its own.",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "services-not-routes",
      severity: "error",
      comment: "Services are called by routes, never the other way round.",
      from: { path: "^lib/" },
      to: { path: ["^app/", "^components/"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(lib/generated|\\.next|node_modules)" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
