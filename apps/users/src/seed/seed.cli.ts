// `npm run seed` runs this: the demo users of every role (development only).
import { seedUsers } from './seed-users';

seedUsers({ log: (line) => console.log(`seed users: ${line}`) }).catch((error: unknown) => {
  console.error(`seed users: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
