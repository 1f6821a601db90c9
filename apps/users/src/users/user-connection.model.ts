import { ObjectType } from '@nestjs/graphql';
import { Connection } from '@mestres/graphql';
import { User } from './user.model';

@ObjectType({ description: 'A page of users, newest first.' })
export class UserConnection extends Connection(User, 'User') {}
