import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Staff } from '../staff/staff-actor.decorator';
import type { StaffActor } from '@atrium/staff-identity';
import { StartTierReviewDto } from './dto/start-tier-review.dto';
import { TierReviewRunResponse } from './dto/tier-review-run.response';
import { TierReviewNotFoundError } from './tier.errors';
import { TierReviewJob } from './tier-review.job';
import { TierReviewService } from './tier-review.service';

/** Yearly tier reviews: started by supervisors and specialists, or by the yearly schedule; progress by run. */
@ApiTags('tier reviews')
@Controller('tier-reviews')
export class TierReviewsController {
  constructor(
    private readonly reviews: TierReviewService,
    private readonly job: TierReviewJob,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: TierReviewRunResponse, description: 'The run is queued; follow it at GET /tier-reviews/:id' })
  @ApiBadRequestResponse({ description: 'asOf is not an instant with an offset, or is in the future' })
  async start(@Body() body: StartTierReviewDto, @Staff() actor: StaffActor): Promise<TierReviewRunResponse> {
    const run = await this.reviews.request(new Date(body.asOf), actor);
    await this.job.enqueue(run);
    return TierReviewRunResponse.of(run);
  }

  @Get()
  @ApiOkResponse({ type: [TierReviewRunResponse], description: 'The latest 50 runs, newest first' })
  async list(): Promise<TierReviewRunResponse[]> {
    return (await this.reviews.list(50)).map((run) => TierReviewRunResponse.of(run));
  }

  @Get(':id')
  @ApiOkResponse({ type: TierReviewRunResponse })
  @ApiNotFoundResponse({ description: 'No such run' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<TierReviewRunResponse> {
    const run = await this.reviews.find(id);
    if (!run) throw new TierReviewNotFoundError(id);
    return TierReviewRunResponse.of(run);
  }
}
