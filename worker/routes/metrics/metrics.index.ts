import { createRouter } from "../../lib/create-app";
import * as handlers from "./metrics.handlers";
import * as routes from "./metrics.routes";

export const metricsRouter = createRouter()
  .openapi(routes.overview, handlers.overview)
  .openapi(routes.region, handlers.region)
  .openapi(routes.trend, handlers.trend)
  .openapi(routes.organisation, handlers.organisation)
  .openapi(routes.conversionRoute, handlers.conversion);
