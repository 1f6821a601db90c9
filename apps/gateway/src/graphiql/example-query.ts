/** Shown in GraphiQL and printed by `npm start`: a catalog product with the course the courses subgraph adds. */
export const EXAMPLE_QUERY = `# Mestres Café: one endpoint, four subgraphs.
query CourseSeats {
  products(filter: { kinds: [COURSE_SEAT] }, first: 3) {
    totalCount
    edges {
      node {
        name
        slug
        course { title level durationMinutes }
      }
    }
  }
}
`;
