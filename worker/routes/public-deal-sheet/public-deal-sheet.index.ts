import { createRouter } from "../../lib/create-app";
import * as handlers from "./public-deal-sheet.handlers";
import * as routes from "./public-deal-sheet.routes";

export const publicDealSheetRouter = createRouter().openapi(routes.get, handlers.get).openapi(routes.createDeal, handlers.createDeal);
