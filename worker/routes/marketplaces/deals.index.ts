import { createRouter } from "../../lib/create-app";
import * as handlers from "./deals.handlers";
import * as routes from "./deals.routes";

export const marketplaceDealsRouter = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.create, handlers.create)
  .openapi(routes.issueLink, handlers.issueLink)
  .openapi(routes.revokeLinks, handlers.revokeLinks);
