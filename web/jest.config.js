import base from "../jest.config.base.js";

export default { ...base, testTimeout: 60_000 };
