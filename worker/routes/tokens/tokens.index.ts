import { createRouter } from "../../lib/create-app";
import * as handlers from "./tokens.handlers";
import * as routes from "./tokens.routes";

export const tokensRouter = createRouter({ writers: ["admin"] })
  .openapi(routes.list, handlers.list)
  .openapi(routes.create, handlers.create)
  .openapi(routes.revoke, handlers.revoke)
  .openapi(routes.me, handlers.me);
