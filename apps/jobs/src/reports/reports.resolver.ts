import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Role, Roles } from '@mestres/auth';
import { ConnectionArgs } from '@mestres/graphql';
import { Report, ReportConnection, toReportModel } from './report.model';
import { ReportsService } from './reports.service';

@Resolver(() => Report)
export class ReportsResolver {
  constructor(private readonly service: ReportsService) {}

  @Roles(Role.ADMIN)
  @Query(() => ReportConnection, { description: 'Stored nightly reports, newest day first. Admins only.' })
  async reports(@Args() { first, after }: ConnectionArgs): Promise<ReportConnection> {
    const page = await this.service.page(first, after);
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toReportModel(edge.node) })) };
  }

  @Roles(Role.ADMIN)
  @Query(() => Report, { nullable: true, description: 'One report by id; null when there is none. Admins only.' })
  async report(@Args('id', { type: () => ID, description: 'Report id.' }) id: string): Promise<Report | null> {
    const entity = await this.service.findById(id);
    return entity ? toReportModel(entity) : null;
  }
}
