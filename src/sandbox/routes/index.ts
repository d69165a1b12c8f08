import { Router } from '../router';
import { registerBatchRoute } from './batch';
import { registerChatRoutes } from './chats';
import { registerDriveRoutes } from './drive';
import { registerGroupRoutes } from './groups';
import { registerPeopleRoutes } from './people';
import { registerPlannerRoutes } from './planner';
import { registerTodoRoutes } from './todo';
import { registerChannelMessageRoutes } from './channelMessages';
import { registerEventRoutes } from './events';
import { registerMailRoutes } from './mail';
import { registerMailReplyRoutes } from './mailReply';
import { registerScheduleRoutes } from './schedule';
import { registerTeamRoutes } from './teams';
import { registerUserRoutes } from './users';

/** Every Graph v1.0 route the sandbox serves. */
export function buildRouter(): Router {
  const router = new Router();
  registerUserRoutes(router);
  registerMailRoutes(router);
  registerMailReplyRoutes(router);
  registerEventRoutes(router);
  registerScheduleRoutes(router);
  registerTeamRoutes(router);
  registerChannelMessageRoutes(router);
  registerDriveRoutes(router);
  registerPlannerRoutes(router);
  registerTodoRoutes(router);
  registerPeopleRoutes(router);
  registerChatRoutes(router);
  registerGroupRoutes(router);
  registerBatchRoute(router);
  return router;
}
