// Moved to users.queries.ts; importers move there too, then this file goes (issue 9).
export * from './users.queries';
