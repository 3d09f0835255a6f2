import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { ALL_ROLES, Public, Roles } from '../common/decorators.js';
import { AppError, ErrorCode } from '../common/errors.js';
import { mapUser, UserDto } from '../users/dto/user.dto.js';
import { UsersService } from '../users/users.service.js';
import { AuthService } from './auth.service.js';
import { SESSION_COOKIE, principalOf } from './auth.types.js';
import { ChangePasswordDto, LoginDto, LoginResponseDto } from './dto/login.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password (which one is not said).' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts from this client or for this account.' })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponseDto> {
    const { user, accessToken, expiresIn } = await this.auth.login(body.username, body.password, req.ip ?? 'unknown');
    req.user = principalOf(user);
    res.cookie(SESSION_COOKIE, accessToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.publicUrl.startsWith('https://'),
      path: '/',
      maxAge: expiresIn * 1000,
    });
    return { accessToken, expiresIn, user: mapUser(user) };
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session cookie is cleared.' })
  logout(@Res({ passthrough: true }) res: Response): void {
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Roles(...ALL_ROLES)
  @Get('me')
  @ApiOkResponse({ type: UserDto })
  async me(@Req() req: Request): Promise<UserDto> {
    const user = await this.users.findById(req.user!.id);
    if (!user) throw new AppError(ErrorCode.Unauthenticated);
    return mapUser(user);
  }

  @Roles(...ALL_ROLES)
  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The password was changed.' })
  async changePassword(@Body() body: ChangePasswordDto, @Req() req: Request): Promise<void> {
    await this.auth.changePassword(req.user!, body.currentPassword, body.newPassword);
  }
}
