// Moved to sessions.queries.ts; importers move there too, then this file goes (issue 9).
export * from './sessions.queries';
