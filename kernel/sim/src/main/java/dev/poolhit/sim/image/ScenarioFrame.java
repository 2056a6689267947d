package dev.poolhit.sim.image;

/**
 * One frame of a manifest scenario, outermost first.
 *
 * @param image       manifest image name ({@code nt}, {@code myfault}, {@code ntdll}, {@code leakyapp})
 * @param function    public name of the function
 * @param functionRva its begin RVA
 * @param kind        {@code call} (returnRva is after the call), {@code trap} (returnRva is after the
 *                    syscall/hlt) or {@code break} (the innermost frame; breakRva is its check site)
 * @param returnRva   where execution continues in this frame when the callee returns (null for break)
 * @param breakRva    the check site's {@code int 3} (break frames only, else null)
 */
public record ScenarioFrame(String image, String function, long functionRva, String kind, Long returnRva,
                            Long breakRva) {}
