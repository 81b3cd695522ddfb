export interface Config {
  caseStudies?: {
    knowledge?: {
      /**
       * The organisation's own knowledge files (YAML or JSON), validated with
       * the same schema as the built-in knowledge. An entry with the id of a
       * built-in entry replaces it. Relative paths are resolved against the
       * backend's working directory.
       */
      files?: string[];
    };
    /**
     * Entity refs of the groups whose members may create and change
     * rollouts, e.g. `group:default/platform-team`. Used by the demo policy.
     */
    platformGroups?: string[];
  };
}
