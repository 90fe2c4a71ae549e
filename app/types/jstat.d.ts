// jstat ships no types; these are the two functions the results use.
declare module "jstat" {
  const jstat: {
    jStat: {
      studentt: {
        /** P(T ≤ x) for Student's t with `df` degrees of freedom. */
        cdf(x: number, df: number): number;
        /** The x with P(T ≤ x) = p. */
        inv(p: number, df: number): number;
      };
    };
  };
  export default jstat;
}
